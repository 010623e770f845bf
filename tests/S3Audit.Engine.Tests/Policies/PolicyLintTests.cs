using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Policies;

public class PolicyLintTests
{
    private const string Tls = "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}";

    private static IReadOnlyList<string> Lint(string statements) => PolicyLint.Check(PolicyDocument.Parse($"{{\"Version\":\"2012-10-17\",\"Statement\":[{statements}]}}"));

    [Fact]
    public void ACleanPolicyPasses() =>
        Assert.Empty(Lint($"{{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",{Tls}}}"));

    [Theory]
    [InlineData("s3:*")]
    [InlineData("s3:Get*")]
    [InlineData("*")]
    [InlineData("s3:GetObjec?")]
    public void WildcardActionsFail(string action) =>
        Assert.Contains(Lint($"{{\"Sid\":\"S1\",\"Effect\":\"Allow\",\"Action\":\"{action}\",\"Resource\":\"arn:aws:s3:::b/*\",{Tls}}}"), p => p == $"S1 uses the wildcard action '{action}'.");

    [Fact]
    public void AStatementWithoutSecureTransportFails()
    {
        Assert.Contains("Statement[0] does not require aws:SecureTransport = true.", Lint("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"));
        Assert.NotEmpty(Lint("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"));
        Assert.NotEmpty(Lint("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:SecureTransport\":\"true\"}}}"));
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("{\"AWS\":\"*\"}")]
    [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}")]
    public void PublicPrincipalsFail(string principal) =>
        Assert.Contains("Statement[0] grants to a public principal (\"*\").", Lint($"{{\"Effect\":\"Allow\",\"Principal\":{principal},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",{Tls}}}"));

    [Fact]
    public void NotElementsFail()
    {
        var problems = Lint($"{{\"Effect\":\"Allow\",\"NotPrincipal\":{{\"AWS\":\"arn:aws:iam::1:root\"}},\"NotAction\":\"iam:*\",\"NotResource\":\"arn:aws:s3:::x\",{Tls}}}");
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void EnsureThrowsWithEveryProblem()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PolicyLint.Ensure(PolicyDocument.Parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}")));
        Assert.Contains("wildcard action 's3:*'", e.Message);
        Assert.Contains("aws:SecureTransport", e.Message);
    }
}
