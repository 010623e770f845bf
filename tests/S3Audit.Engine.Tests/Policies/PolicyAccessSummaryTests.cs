using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Policies;

public class PolicyAccessSummaryTests
{
    private static PolicyAccessSummary Summary(params string[] policies)
    {
        var summary = new PolicyAccessSummary();
        foreach (string policy in policies)
        {
            summary.Add(PolicyDocument.Parse(policy));
        }

        return summary;
    }

    [Fact]
    public void ScopedActionsAndBucketsAreListed()
    {
        var s = Summary("""{"Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"]},{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}""");
        Assert.Equal("s3:GetObject, s3:ListBucket on logs", s.ToString());
        Assert.False(s.FullS3 || s.FullAdmin || s.ResourceStar || s.PublicPrincipal);
    }

    [Fact]
    public void S3StarIsFullS3()
    {
        var s = Summary("""{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::backups","arn:aws:s3:::backups/*"]}}""");
        Assert.True(s.FullS3);
        Assert.False(s.FullAdmin);
        Assert.Equal("s3:* on backups [s3:*]", s.ToString());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*:*")]
    public void EveryActionOnEveryResourceIsFullAdmin(string action)
    {
        var s = Summary($$$"""{"Statement":{"Effect":"Allow","Action":"{{{action}}}","Resource":"*"}}""");
        Assert.True(s.FullAdmin && s.FullS3 && s.ResourceStar);
        Assert.Equal("* on * [*:*] [s3:*] [Resource *]", s.ToString());
    }

    [Fact]
    public void DenyStatementsAreNotGrantsAndNotActionIsFlagged()
    {
        Assert.Equal("none", Summary("""{"Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*"}}""").ToString());
        var s = Summary("""{"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}""");
        Assert.True(s.NotAction);
        Assert.Contains("[NotAction]", s.ToString());
    }

    [Fact]
    public void PublicPrincipalsAndUnreadPoliciesAreShown()
    {
        var s = Summary("""{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}}""");
        s.AddUnreadable("group/secret");
        Assert.True(s.PublicPrincipal);
        Assert.Equal("s3:GetObject on site [public principal] [unread: group/secret]", s.ToString());
    }

    [Fact]
    public void ManyActionsAreShortened()
    {
        var actions = string.Join(",", Enumerable.Range(1, 9).Select(i => $"\"s3:Action{i}\""));
        Assert.StartsWith("s3:Action1, s3:Action2, s3:Action3, s3:Action4, s3:Action5, s3:Action6 +3 more on b", Summary($$$"""{"Statement":{"Effect":"Allow","Action":[{{{actions}}}],"Resource":"arn:aws:s3:::b"}}""").ToString());
    }

    [Theory]
    [InlineData("""{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}}""", true)]
    [InlineData("""{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRoleWithWebIdentity"}}""", true)]
    [InlineData("""{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"}}}}""", false)]
    [InlineData("""{"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}""", false)]
    [InlineData("""{"Statement":{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}}""", false)]
    public void TrustPoliciesThatLetAnyoneAssumeAreFound(string trust, bool anyone) =>
        Assert.Equal(anyone, TrustPolicyCheck.AnyoneCanAssume(PolicyDocument.Parse(trust)));
}
