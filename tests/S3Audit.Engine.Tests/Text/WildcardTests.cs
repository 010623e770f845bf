using S3Audit.Engine.Text;

namespace S3Audit.Engine.Tests.Text;

public class WildcardTests
{
    [Theory]
    [InlineData("backup-*", "backup-2026", true)]
    [InlineData("backup-*", "logs", false)]
    [InlineData("BACKUP-?", "backup-1", true)]
    [InlineData("b[0-9]", "b7", true)]
    [InlineData("b[0-9]", "bx", false)]
    [InlineData("a.b", "aXb", false)]
    [InlineData("literal", "LITERAL", true)]
    [InlineData("with`*star", "with*star", true)]
    [InlineData("with`*star", "withXstar", false)]
    public void Matches(string pattern, string value, bool expected) => Assert.Equal(expected, new Wildcard(pattern).IsMatch(value));

    [Theory]
    [InlineData("plain", false)]
    [InlineData("a*", true)]
    [InlineData("a`*", false)]
    [InlineData("[ab]", true)]
    public void DetectsWildcards(string pattern, bool expected) => Assert.Equal(expected, Wildcard.ContainsWildcard(pattern));

    [Theory]
    [InlineData(new string[0], "anything", false)]
    [InlineData(new[] { "logs-*", "backup-?" }, "backup-1", true)]
    [InlineData(new[] { "logs-*", "backup-?" }, "backup-12", false)]
    [InlineData(new[] { "LOGS-*" }, "logs-eu", true)]
    public void AnyMatchTriesEveryCompiledPattern(string[] patterns, string value, bool expected) =>
        Assert.Equal(expected, Wildcard.AnyMatch(Wildcard.CompileAll(patterns), value));
}
