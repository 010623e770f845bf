using System.Xml.Linq;

namespace S3Audit.HelpBuilder;

/// <summary>
/// Pairs each cmdlet of the built module with its help source and writes the MAML. What the convention test will
/// reject (no source, an undocumented or unknown parameter, fewer than two examples) comes back as warnings.
/// </summary>
internal static class HelpCompiler
{
    public const string CommonFile = "_CommonParameters.md";

    public static XDocument Compile(IReadOnlyList<CmdletMetadata> cmdlets, string helpDirectory, List<string> warnings)
    {
        string commonPath = Path.Combine(helpDirectory, CommonFile);
        CommandHelp? common = File.Exists(commonPath) ? MarkdownHelpParser.ParseFile(commonPath) : null;
        var commands = new List<(CmdletMetadata, CommandHelp)>();
        foreach (CmdletMetadata cmdlet in cmdlets)
        {
            string path = Path.Combine(helpDirectory, cmdlet.Name + ".md");
            if (!File.Exists(path))
            {
                warnings.Add($"{path}: warning S3HELP001: {cmdlet.Name} has no help source; Get-Help will show nothing for it.");
                continue;
            }

            CommandHelp help = MarkdownHelpParser.ParseFile(path);
            Check(cmdlet, help, common, warnings);
            commands.Add((cmdlet, help));
        }

        return MamlWriter.Write(commands, common);
    }

    private static void Check(CmdletMetadata cmdlet, CommandHelp help, CommandHelp? common, List<string> warnings)
    {
        void Warn(string code, string message) => warnings.Add($"{help.SourceFile}: warning {code}: {message}");

        if (!string.Equals(help.Name, cmdlet.Name, StringComparison.Ordinal))
        {
            Warn("S3HELP002", $"the title is '# {help.Name}'; expected '# {cmdlet.Name}'.");
        }

        if (help.Synopsis.Count == 0 || help.Description.Count == 0)
        {
            Warn("S3HELP003", "SYNOPSIS and DESCRIPTION must both have text.");
        }

        if (help.Examples.Count < 2)
        {
            Warn("S3HELP004", $"{help.Examples.Count} example(s); expected at least two.");
        }

        foreach (ParameterMetadata parameter in cmdlet.Parameters.Where(p => MamlWriter.DescriptionOf(p.Name, help, common) == null))
        {
            Warn("S3HELP005", $"-{parameter.Name} is declared by {cmdlet.Name} but not documented.");
        }

        foreach (string documented in help.Parameters.Keys.Where(d => !cmdlet.Parameters.Any(p => string.Equals(p.Name, d, StringComparison.OrdinalIgnoreCase))))
        {
            Warn("S3HELP006", $"-{documented} is documented but {cmdlet.Name} does not declare it.");
        }
    }
}
