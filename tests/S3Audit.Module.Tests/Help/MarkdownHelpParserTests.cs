using S3Audit.HelpBuilder;

namespace S3Audit.Module.Tests.Help;

public class MarkdownHelpParserTests
{
    private const string Source = """
        # Get-Thing
        ## SYNOPSIS
        Gets things.
        ## DESCRIPTION
        First paragraph
        continues here.

        - a list item
        - another
        ## PARAMETERS
        ### -Name
        The name.
        ### -Force
        Replace.
        ## EXAMPLES
        ### Example 1: Simple
        ```powershell
        Get-Thing -Name a
        # a comment, not a heading
        ```
        Gets a.
        ### Example 2: Piped
        ```powershell
        'a', 'b' | Get-Thing
        ```
        ## OUTPUTS
        ### S3Audit.Thing
        A thing.
        ## NOTES
        Note.
        ## RELATED LINKS
        - Get-Other
        - [A page](https://example.org/page)
        """;

    [Fact]
    public void EverySectionIsRead()
    {
        CommandHelp help = MarkdownHelpParser.Parse(Source, "Get-Thing.md");

        Assert.Equal("Get-Thing", help.Name);
        Assert.Equal(new[] { "Gets things." }, help.Synopsis);
        Assert.Equal(new[] { "First paragraph continues here.", "- a list item\n- another" }, help.Description);
        Assert.Equal(new[] { "Name", "Force" }, help.Parameters.Keys);
        Assert.Equal(new[] { "The name." }, help.Parameters["name"]);
        Assert.Equal(2, help.Examples.Count);
        Assert.Equal(("Example 1: Simple", "Get-Thing -Name a\n# a comment, not a heading", "Gets a."), (help.Examples[0].Title, help.Examples[0].Code, help.Examples[0].Remarks.Single()));
        Assert.Empty(help.Examples[1].Remarks);
        Assert.Equal(("S3Audit.Thing", "A thing."), (help.Outputs.Single().TypeName, help.Outputs.Single().Description.Single()));
        Assert.Equal(new[] { "Note." }, help.Notes);
        Assert.Equal(new[] { new RelatedLink("Get-Other", null), new RelatedLink("A page", "https://example.org/page") }, help.RelatedLinks);
    }

    [Theory]
    [InlineData("# X\n## SYNOPSYS\nx\n", 2, "unknown section '## SYNOPSYS'")]
    [InlineData("# X\n## PARAMETERS\n### Name\nx\n", 3, "a parameter heading must be '### -Name'")]
    [InlineData("# X\n## EXAMPLES\n### Example 1\nGet-X\n", 3, "has no ```powershell code block")]
    [InlineData("# X\n## EXAMPLES\n### Example 1\n```powershell\nGet-X\n", 4, "is not closed")]
    [InlineData("## SYNOPSIS\nx\n", 1, "must start with '# Verb-Noun'")]
    public void AMalformedSourceNamesFileAndLine(string text, int line, string expected)
    {
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(text, "X.md"));
        Assert.StartsWith($"X.md({line}): ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TheRepositorySourcesAllParse()
    {
        string[] files = Directory.GetFiles(Path.Combine(ModuleFolder.RepoRoot, "docs", "help"), "*.md").Where(f => !f.EndsWith("README.md")).ToArray();
        Assert.Contains(files, f => f.EndsWith("Invoke-S3Audit.md"));
        Assert.All(files, f => Assert.NotEmpty(MarkdownHelpParser.ParseFile(f).Parameters));
    }
}
