using System.Text;

namespace S3Audit.HelpBuilder;

/// <summary>
/// Reads the help source format of docs/help/README.md: "# Name", then "## SYNOPSIS", "## DESCRIPTION",
/// "## PARAMETERS" (### -Name), "## EXAMPLES" (### title, a ```powershell block, remarks), "## OUTPUTS" (### type),
/// "## NOTES", "## RELATED LINKS" ("- Name" or "- [Text](https://...)" lines). Text becomes paragraphs split at blank
/// lines; list and table lines keep their line breaks.
/// </summary>
internal static class MarkdownHelpParser
{
    private static readonly string[] Sections = { "SYNOPSIS", "DESCRIPTION", "PARAMETERS", "EXAMPLES", "OUTPUTS", "NOTES", "RELATED LINKS" };
    private static readonly System.Text.RegularExpressions.Regex MarkdownLink = new(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]+)\)$");

    public static CommandHelp ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static CommandHelp Parse(string text, string file)
    {
        var help = new CommandHelp { SourceFile = file };
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        string? section = null;
        string? item = null;
        var body = new List<string>();
        int itemLine = 0;

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                int close = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                if (close < 0)
                {
                    throw new HelpFormatException(file, i + 1, "a ``` code block is not closed");
                }

                body.AddRange(lines.Skip(i).Take(close - i + 1));
                i = close;
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                help.Name = line.Substring(2).Trim();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush(help, section, item, body, itemLine);
                section = line.Substring(3).Trim();
                item = null;
                if (!Sections.Contains(section, StringComparer.Ordinal))
                {
                    throw new HelpFormatException(file, i + 1, $"unknown section '## {section}'; expected one of: {string.Join(", ", Sections)}");
                }
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush(help, section, item, body, itemLine);
                item = line.Substring(4).Trim();
                itemLine = i + 1;
                if (section == "PARAMETERS" && !item.StartsWith('-'))
                {
                    throw new HelpFormatException(file, i + 1, $"a parameter heading must be '### -Name'; found '### {item}'");
                }
            }
            else
            {
                body.Add(line);
            }
        }

        Flush(help, section, item, body, itemLine);
        if (help.Name.Length == 0)
        {
            throw new HelpFormatException(file, 1, "the file must start with '# Verb-Noun'");
        }

        return help;
    }

    private static void Flush(CommandHelp help, string? section, string? item, List<string> body, int itemLine)
    {
        List<string> lines = new(body);
        body.Clear();
        switch (section)
        {
            case null:
                return;
            case "SYNOPSIS":
                help.Synopsis.AddRange(Paragraphs(lines));
                break;
            case "DESCRIPTION":
                help.Description.AddRange(Paragraphs(lines));
                break;
            case "NOTES":
                help.Notes.AddRange(Paragraphs(lines));
                break;
            case "RELATED LINKS":
                help.RelatedLinks.AddRange(lines.Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => Link(l.Substring(2).Trim())));
                break;
            case "PARAMETERS" when item != null:
                help.Parameters[item.TrimStart('-')] = Paragraphs(lines);
                break;
            case "OUTPUTS" when item != null:
                help.Outputs.Add((item, Paragraphs(lines)));
                break;
            case "EXAMPLES" when item != null:
                help.Examples.Add(Example(help.SourceFile, item, lines, itemLine));
                break;
        }
    }

    private static RelatedLink Link(string entry)
    {
        var match = MarkdownLink.Match(entry);
        return match.Success ? new RelatedLink(match.Groups["text"].Value, match.Groups["uri"].Value) : new RelatedLink(entry, null);
    }

    private static ExampleHelp Example(string file, string title, List<string> lines, int line)
    {
        int open = lines.FindIndex(l => l.StartsWith("```", StringComparison.Ordinal));
        if (open < 0)
        {
            throw new HelpFormatException(file, line, $"example '{title}' has no ```powershell code block");
        }

        int close = lines.FindIndex(open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        string code = string.Join("\n", lines.Skip(open + 1).Take(close - open - 1)).Trim('\n');
        return new ExampleHelp(title, code, Paragraphs(lines.Skip(close + 1)));
    }

    /// <summary>Blank-line separated paragraphs; plain lines are joined with spaces, list and table lines keep their breaks.</summary>
    public static List<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        bool inFence = false;
        foreach (string raw in lines.Append(string.Empty))
        {
            string line = raw.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (line.Length == 0 && !inFence)
            {
                if (current.Length > 0)
                {
                    paragraphs.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            bool keepsBreak = line.TrimStart().StartsWith("- ", StringComparison.Ordinal) || line.StartsWith('|') || line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith("```", StringComparison.Ordinal) || inFence;
            if (current.Length > 0)
            {
                current.Append(keepsBreak ? "\n" : " ");
            }

            current.Append(keepsBreak ? line : line.Trim());
        }

        return paragraphs;
    }
}
