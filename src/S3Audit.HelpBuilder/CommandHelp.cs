namespace S3Audit.HelpBuilder;

/// <summary>One help source file (docs/help/Verb-Noun.md), as written.</summary>
internal sealed class CommandHelp
{
    public string Name { get; set; } = string.Empty;
    public string SourceFile { get; set; } = string.Empty;
    public List<string> Synopsis { get; } = new();
    public List<string> Description { get; } = new();
    /// <summary>Parameter name (without '-') to its paragraphs, in file order.</summary>
    public Dictionary<string, List<string>> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<ExampleHelp> Examples { get; } = new();
    public List<(string TypeName, List<string> Description)> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<RelatedLink> RelatedLinks { get; } = new();
}

internal sealed record ExampleHelp(string Title, string Code, List<string> Remarks);

/// <summary>A RELATED LINKS entry: a command or topic name (Get-Help follows it), or a titled web address.</summary>
internal sealed record RelatedLink(string Text, string? Uri);

/// <summary>A help source that does not follow docs/help/README.md.</summary>
internal sealed class HelpFormatException : Exception
{
    public HelpFormatException(string file, int line, string message)
        : base($"{file}({line}): {message}")
    {
        File = file;
    }

    public string File { get; }
}
