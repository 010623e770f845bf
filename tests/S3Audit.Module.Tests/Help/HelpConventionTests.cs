using System.Reflection;
using System.Xml.Linq;
using S3Audit.HelpBuilder;

namespace S3Audit.Module.Tests.Help;

/// <summary>Get-Help works for every exported cmdlet of the built module, and about_S3Audit covers the output types and providers.</summary>
public class HelpConventionTests
{
    private static readonly XNamespace Maml = MamlWriter.Maml, Command = MamlWriter.Command, Dev = MamlWriter.Dev;
    private static string MamlPath => Path.Combine(ModuleFolder.Path, "en-US", "S3Audit.Commands.dll-Help.xml");

    private static readonly Lazy<Dictionary<string, XElement>> Commands = new(() =>
        XDocument.Load(MamlPath).Root!.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value));

    public static TheoryData<string> ExportedCmdlets()
    {
        var data = new TheoryData<string>();
        foreach (string name in ModuleFolder.ManifestList("CmdletsToExport"))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void EveryExportedCmdletHasCompleteHelp(string cmdlet)
    {
        Assert.True(Commands.Value.TryGetValue(cmdlet, out XElement? command), $"{cmdlet} has no help in {MamlPath}: add docs/help/{cmdlet}.md");
        Assert.False(string.IsNullOrWhiteSpace(command!.Element(Command + "details")!.Element(Maml + "description")?.Value), $"{cmdlet}: no SYNOPSIS");
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")?.Value), $"{cmdlet}: no DESCRIPTION");

        var documented = command.Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value, p => p.Element(Maml + "description")?.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        CmdletMetadata declared = ModuleFolder.Cmdlet(cmdlet);
        foreach (ParameterMetadata parameter in declared.Parameters)
        {
            Assert.True(documented.TryGetValue(parameter.Name, out string? text) && text.Trim().Length > 0, $"{cmdlet} -{parameter.Name} has no help text");
        }

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.True(examples.Count >= 2, $"{cmdlet} has {examples.Count} example(s); at least two are needed");
        Assert.All(examples, e => Assert.Contains(cmdlet, e.Element(Dev + "code")!.Value));
    }

    [Fact]
    public void AboutS3AuditIsInTheModuleAndExplainsProvidersCredentialsAndEveryOutputType()
    {
        string about = File.ReadAllText(Path.Combine(ModuleFolder.Path, "en-US", "about_S3Audit.help.txt"));
        Assert.StartsWith("TOPIC", about);
        foreach (string heading in new[] { "PROVIDERS", "CREDENTIALS", "OUTPUT TYPES" })
        {
            Assert.Contains("\n" + heading + "\n", about.Replace("\r\n", "\n"));
        }

        using var mlc = ModuleFolder.OpenMetadata();
        Assembly types = mlc.LoadFromAssemblyPath(Path.Combine(ModuleFolder.Path, "S3Audit.Types.dll"));
        foreach (FieldInfo provider in types.GetType("S3Audit.S3Provider", throwOnError: true)!.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            Assert.Contains("    " + provider.Name + " ", about);
        }

        Assert.All(types.GetTypes().Where(t => t.IsPublic), t => Assert.True(about.Contains(t.FullName!), $"about_S3Audit does not mention {t.FullName}"));
    }
}
