using System.IO;
using System.Text.Json;
using S3Audit.Engine.AccessLogging;

namespace S3Audit.Engine.Tests.AccessLogging;

public class LoggingPolicyMergerTests
{
    // Deliberately odd formatting: whitespace, member order and escapes must survive untouched.
    private const string Unrelated = "{ \"Sid\" : \"DenyHttp\",\n   \"Effect\":\"Deny\", \"Principal\":\"*\",\"Action\":\"s3:*\",\n\"Resource\":[\"arn:aws:s3:::logs\",\"arn:aws:s3:::logs/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},\"X\":\"\\u00e9\\/\"}";
    private const string Other = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::logs/*\"}";
    private static string Policy(params string[] statements) => "{\"Id\":\"keep-me\",\"Version\":\"2012-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}";

    [Fact]
    public void NoPolicyGetsAPolicyWithOnlyOurStatement()
    {
        PolicyMergeResult result = LoggingPolicyMerger.AddSource(null, "logs", "src/", "src", "111122223333");

        Assert.True(result.Changed);
        using JsonDocument doc = JsonDocument.Parse(result.Policy!);
        Assert.Equal("2012-10-17", doc.RootElement.GetProperty("Version").GetString());
        JsonElement statement = Assert.Single(doc.RootElement.GetProperty("Statement").EnumerateArray());
        Assert.Equal("S3AuditLogDelivery", statement.GetProperty("Sid").GetString());
        Assert.Equal("logging.s3.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("s3:PutObject", statement.GetProperty("Action").GetString());
        Assert.Equal("arn:aws:s3:::logs/src/*", statement.GetProperty("Resource").GetString());
        Assert.Equal("arn:aws:s3:::src", statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("aws:SourceArn").GetString());
        Assert.Equal("111122223333", statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
    }

    [Fact]
    public void OtherStatementsAndMembersKeepTheirRawTextAndOrder()
    {
        string before = Policy(Unrelated, Other);

        string after = LoggingPolicyMerger.AddSource(before, "logs", "a/", "a", "acct").Policy!;

        Assert.Equal(new[] { Unrelated, Other }, LoggingPolicyMerger.OtherStatements(after));
        Assert.StartsWith("{\"Id\":\"keep-me\",\"Version\":\"2012-10-17\",\"Statement\":[" + Unrelated + "," + Other + ",{\"Sid\":\"S3AuditLogDelivery\"", after);
    }

    [Fact]
    public void ALaterSourceJoinsTheSameStatement()
    {
        string one = LoggingPolicyMerger.AddSource(Policy(Unrelated), "logs", "a/", "a", "acct").Policy!;
        string two = LoggingPolicyMerger.AddSource(one, "logs", "b/", "b", "acct").Policy!;

        using JsonDocument doc = JsonDocument.Parse(two);
        var ours = doc.RootElement.GetProperty("Statement").EnumerateArray().Where(s => s.TryGetProperty("Sid", out var sid) && sid.GetString() == "S3AuditLogDelivery").ToList();
        JsonElement statement = Assert.Single(ours);
        Assert.Equal(new[] { "arn:aws:s3:::logs/a/*", "arn:aws:s3:::logs/b/*" }, statement.GetProperty("Resource").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "arn:aws:s3:::a", "arn:aws:s3:::b" }, LoggingPolicyMerger.SourceArns(two));
        Assert.Equal("acct", statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.Equal(new[] { Unrelated }, LoggingPolicyMerger.OtherStatements(two));
    }

    [Fact]
    public void AddingWhatIsThereChangesNothing()
    {
        string once = LoggingPolicyMerger.AddSource(Policy(Other), "logs", "a/", "a", "acct").Policy!;

        PolicyMergeResult again = LoggingPolicyMerger.AddSource(once, "logs", "a/", "a", "acct");

        Assert.False(again.Changed);
        Assert.Same(once, again.Policy);
        Assert.True(LoggingPolicyMerger.Grants(once, "logs", "a/", "a", "acct"));
        Assert.False(LoggingPolicyMerger.Grants(once, "logs", "b/", "a", "acct"));
    }

    [Fact]
    public void ASingleStatementObjectIsKeptToo()
    {
        string before = "{\"Version\":\"2012-10-17\",\"Statement\":" + Other + "}";

        string after = LoggingPolicyMerger.AddSource(before, "logs", "a/", "a", "acct").Policy!;

        Assert.Equal(new[] { Other }, LoggingPolicyMerger.OtherStatements(after));
        Assert.Equal(new[] { "arn:aws:s3:::a" }, LoggingPolicyMerger.SourceArns(after));
    }

    [Theory]
    [InlineData("<Error><Code>AccessDenied</Code></Error>")]
    [InlineData("[]")]
    [InlineData("{\"Statement\":\"nope\"}")]
    public void APolicyThatCannotBeParsedIsNeverOverwritten(string policy)
    {
        Assert.Throws<InvalidDataException>(() => LoggingPolicyMerger.AddSource(policy, "logs", "a/", "a", "acct"));
    }

    [Fact]
    public void RemovingOneSourceKeepsTheOtherAndEveryOtherStatement()
    {
        string merged = LoggingPolicyMerger.AddSource(LoggingPolicyMerger.AddSource(Policy(Unrelated, Other), "logs", "a/", "a", "acct").Policy, "logs", "b/", "b", "acct").Policy!;

        PolicyMergeResult removed = LoggingPolicyMerger.RemoveSource(merged, "logs", "a/", "a", keepResource: false);

        Assert.True(removed.Changed);
        Assert.Equal(new[] { Unrelated, Other }, LoggingPolicyMerger.OtherStatements(removed.Policy));
        Assert.Equal(new[] { "arn:aws:s3:::b" }, LoggingPolicyMerger.SourceArns(removed.Policy));
        Assert.True(LoggingPolicyMerger.Grants(removed.Policy, "logs", "b/", "b", "acct"));
        Assert.DoesNotContain("logs/a/*", removed.Policy);
    }

    [Fact]
    public void ASharedPrefixStaysWhenAskedTo()
    {
        string merged = LoggingPolicyMerger.AddSource(LoggingPolicyMerger.AddSource(null, "logs", "shared/", "a", "acct").Policy, "logs", "shared/", "b", "acct").Policy!;

        string after = LoggingPolicyMerger.RemoveSource(merged, "logs", "shared/", "a", keepResource: true).Policy!;

        Assert.True(LoggingPolicyMerger.Grants(after, "logs", "shared/", "b", "acct"));
    }

    [Fact]
    public void RemovingTheLastSourceDropsOnlyOurStatement()
    {
        string merged = LoggingPolicyMerger.AddSource(Policy(Unrelated), "logs", "a/", "a", "acct").Policy!;

        PolicyMergeResult removed = LoggingPolicyMerger.RemoveSource(merged, "logs", "a/", "a", keepResource: false);

        Assert.Equal(Policy(Unrelated), removed.Policy);
    }

    [Fact]
    public void RemovingTheLastStatementOfAPolicyMeansDeletingThePolicy()
    {
        string merged = LoggingPolicyMerger.AddSource(null, "logs", "a/", "a", "acct").Policy!;

        PolicyMergeResult removed = LoggingPolicyMerger.RemoveSource(merged, "logs", "a/", "a", keepResource: false);

        Assert.True(removed.Changed);
        Assert.Null(removed.Policy);
    }

    [Fact]
    public void RemovingASourceThatIsNotThereChangesNothing()
    {
        string policy = Policy(Other);

        PolicyMergeResult removed = LoggingPolicyMerger.RemoveSource(policy, "logs", "a/", "a", keepResource: false);

        Assert.False(removed.Changed);
        Assert.Same(policy, removed.Policy);
    }

    [Fact]
    public void TheDiffMarksAddedLinesAndKeepsUnchangedOnes()
    {
        string before = Policy(Other);
        string after = LoggingPolicyMerger.AddSource(before, "logs", "a/", "a", "acct").Policy!;

        string[] lines = PolicyDiff.Describe(before, after).Split(Environment.NewLine);

        Assert.Contains(lines, l => l.StartsWith("+ ") && l.Contains("\"Sid\": \"S3AuditLogDelivery\""));
        Assert.Contains(lines, l => l.StartsWith("  ") && l.Contains("\"Action\": \"s3:GetObject\""));
        Assert.DoesNotContain(lines, l => l.StartsWith("- ") && l.Contains("GetObject"));
        Assert.Equal(new[] { "- (no policy)" }, PolicyDiff.Describe(null, after).Split(Environment.NewLine).Where(l => l.StartsWith("- ")));
    }
}

public class StatementsKeptTests
{
    private const string A = "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::logs/*\"}";
    private const string B = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::logs/*\"}";
    private static string Policy(params string[] statements) => "{\"Version\":\"2012-10-17\",\"Statement\":[" + string.Join(",", statements) + "]}";

    [Fact]
    public void ReorderedMembersAndAddedStatementsStillCountAsKept()
    {
        string reordered = "{\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::logs/*\",\"Sid\":\"A\",\"Principal\":\"*\",\"Effect\":\"Allow\"}";
        string withOurs = LoggingPolicyMerger.AddSource(Policy(reordered, B), "logs", "a/", "a", "acct").Policy!;

        Assert.True(S3Audit.Engine.AccessLogging.TargetPolicyChange.StatementsKept(Policy(A, B), withOurs));
    }

    [Theory]
    [InlineData(new[] { A, B }, new[] { A })]
    [InlineData(new[] { B, B }, new[] { B })]
    [InlineData(new[] { A }, new[] { "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::logs/x*\"}" })]
    public void ALostOrChangedStatementIsNoticed(string[] before, string[] after)
    {
        Assert.False(S3Audit.Engine.AccessLogging.TargetPolicyChange.StatementsKept(Policy(before), Policy(after)));
    }
}
