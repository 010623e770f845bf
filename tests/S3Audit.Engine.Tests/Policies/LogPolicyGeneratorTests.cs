using System.Text.Json;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Tests.Policies;

public class LogPolicyGeneratorTests
{
    public static IEnumerable<object[]> Cases => LogPolicyCases.All.Keys.Select(k => new object[] { k });

    private static S3PolicyDocument Generate(string name) => LogPolicyGenerator.Generate(LogPolicyCases.All[name]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheGoldenDocument(string name)
    {
        string golden = File.ReadAllText(LogPolicyCases.GoldenPath(name)).Replace("\r\n", "\n").TrimEnd();
        Assert.Equal(golden, Generate(name).Document.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("aws-readonly-prefix-purge-kms", 6)]
    [InlineData("aws-readonly-bucket", 4)]
    [InlineData("aws-logstorage-prefix-kms", 4)]
    public void AwsGoldenDocumentsParseBackAndPassTheLint(string name, int statements)
    {
        PolicyDocument policy = PolicyDocument.Parse(File.ReadAllText(LogPolicyCases.GoldenPath(name)));
        Assert.Empty(PolicyLint.Check(policy));
        Assert.Equal(statements, policy.Statements.Count);
        Assert.Equal(statements, Generate(name).StatementCount);
        Assert.All(policy.Statements, s => Assert.True(s.IsAllow && s.Principal == null));
        var summary = new PolicyAccessSummary();
        summary.Add(policy);
        Assert.False(summary.FullS3 || summary.FullAdmin || summary.ResourceStar || summary.PublicPrincipal);
    }

    [Fact]
    public void TheReaderListsOnlyUnderThePrefixAndReadsOnlyThere()
    {
        PolicyDocument policy = PolicyDocument.Parse(Generate("aws-readonly-prefix-purge-kms").Document);
        PolicyStatement list = policy.Statements.Single(s => s.Actions.Contains("s3:ListBucket"));
        Assert.Equal(new[] { "arn:aws:s3:::access-logs" }, list.Resources);
        Assert.Equal(new[] { "s3/prod/*" }, list.ConditionsOn("s3:prefix").Single().Values);
        Assert.Equal(new[] { "arn:aws:s3:::access-logs/s3/prod/*" }, policy.Statements.Single(s => s.Actions.Contains("s3:GetObject")).Resources);
        Assert.Equal(new[] { "arn:aws:s3:::access-logs/s3/prod/*" }, policy.Statements.Single(s => s.Actions.Contains("s3:DeleteObject")).Resources);
        Assert.Equal(new[] { "kms:Decrypt" }, policy.Statements.Single(s => s.Sid == "DecryptLogObjects").Actions);
        var all = policy.Statements.SelectMany(s => s.Actions).ToList();
        Assert.DoesNotContain("s3:PutObject", all);
    }

    [Fact]
    public void WithoutPurgeOrKmsTheReaderCannotDeleteOrDecrypt()
    {
        var actions = PolicyDocument.Parse(Generate("aws-readonly-bucket").Document).Statements.SelectMany(s => s.Actions).ToList();
        Assert.Equal(new[] { "s3:GetBucketLocation", "s3:GetBucketLogging", "s3:GetObject", "s3:ListAllMyBuckets", "s3:ListBucket" }, actions.OrderBy(a => a, StringComparer.Ordinal));
        Assert.Empty(PolicyDocument.Parse(Generate("aws-readonly-bucket").Document).Statements.Single(s => s.Sid == "ListLogObjects").ConditionsOn("s3:prefix"));
    }

    [Fact]
    public void TheWriterPutsGetsAndListsButDeletesOnlyWhenAsked()
    {
        var actions = PolicyDocument.Parse(Generate("aws-logstorage-prefix-kms").Document).Statements.SelectMany(s => s.Actions).ToList();
        Assert.Contains("s3:PutObject", actions);
        Assert.Contains("s3:GetObject", actions);
        Assert.Contains("s3:ListBucket", actions);
        Assert.Contains("kms:GenerateDataKey", actions);
        Assert.DoesNotContain("s3:DeleteObject", actions);
        var withDelete = LogPolicyGenerator.Generate(new LogPolicyRequest { Purpose = LogPolicyPurpose.LogStorage, BucketName = "bkt", AllowDelete = true });
        Assert.Contains("s3:DeleteObject", PolicyDocument.Parse(withDelete.Document).Statements.SelectMany(s => s.Actions));
        Assert.Equal("S3LogStorage-bkt", withDelete.Name);
    }

    [Fact]
    public void ExoscaleDeniesOtherBucketsThenAllowsOnlyTheListedOperations()
    {
        S3PolicyDocument result = Generate("exoscale-logstorage-delete");
        using JsonDocument doc = JsonDocument.Parse(result.Document);
        Assert.Equal("deny", doc.RootElement.GetProperty("default-service-strategy").GetString());
        JsonElement sos = doc.RootElement.GetProperty("services").GetProperty("sos");
        Assert.Equal("rules", sos.GetProperty("type").GetString());
        var rules = sos.GetProperty("rules").EnumerateArray().Select(r => (r.GetProperty("action").GetString(), r.GetProperty("expression").GetString())).ToList();
        Assert.Equal(3, rules.Count);
        Assert.Equal(3, result.StatementCount);
        Assert.Equal(("deny", "!(parameters.bucket == 'backups')"), rules[1]);
        Assert.Contains("'delete-object'", rules[2].Item2);
        Assert.Contains("'put-object'", rules[2].Item2);
        Assert.Equal("backup-agent", result.Name);
        Assert.Equal(string.Empty, result.Limitations);

        using JsonDocument reader = JsonDocument.Parse(Generate("exoscale-readonly").Document);
        string allowed = reader.RootElement.GetProperty("services").GetProperty("sos").GetProperty("rules")[2].GetProperty("expression").GetString()!;
        Assert.Equal("operation in ['list-objects', 'get-object']", allowed);
    }

    [Fact]
    public void LyveIsAnAccountApiPermissionBody()
    {
        using JsonDocument reader = JsonDocument.Parse(Generate("lyve-readonly").Document);
        Assert.Equal("bucket-names", reader.RootElement.GetProperty("type").GetString());
        Assert.Equal("read-only", reader.RootElement.GetProperty("actions").GetString());
        Assert.Equal(new[] { "audit-logs" }, reader.RootElement.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("S3ReadOnlyLog-audit-logs", reader.RootElement.GetProperty("name").GetString());

        using JsonDocument writer = JsonDocument.Parse(Generate("lyve-logstorage").Document);
        Assert.Equal("all-operations", writer.RootElement.GetProperty("actions").GetString());
        Assert.Equal(1, Generate("lyve-logstorage").StatementCount);
    }

    [Fact]
    public void WhatAProviderCannotExpressIsSaid()
    {
        S3PolicyDocument lyve = LogPolicyGenerator.Generate(new LogPolicyRequest { Provider = S3Provider.Lyve, BucketName = "logs", Prefix = "a/", AllowDelete = true, KmsKeyArn = "arn:aws:kms:us-east-1:1:key/x" });
        Assert.Contains("-AllowPurge is not applied", lyve.Limitations);
        Assert.Contains("not only 'a/'", lyve.Limitations);
        Assert.Contains("no KMS", lyve.Limitations);
        S3PolicyDocument exo = LogPolicyGenerator.Generate(new LogPolicyRequest { Provider = S3Provider.Exoscale, BucketName = "logs", Prefix = "a/" });
        Assert.Contains("whole bucket", exo.Limitations);
        Assert.Equal(string.Empty, Generate("aws-readonly-prefix-purge-kms").Limitations);
    }

    [Theory]
    [InlineData("", null, null, S3Provider.Aws, "BucketName")]
    [InlineData("bad\"name", null, null, S3Provider.Aws, "BucketName")]
    [InlineData("logs", "a/*", null, S3Provider.Aws, "Prefix")]
    [InlineData("logs", null, "key-1234", S3Provider.Aws, "KmsKeyArn")]
    [InlineData("logs", null, null, S3Provider.Generic, "Provider")]
    public void BadInputIsRejectedNamingTheParameter(string bucket, string? prefix, string? kms, S3Provider provider, string parameter)
    {
        var e = Assert.Throws<ArgumentException>(() => LogPolicyGenerator.Generate(new LogPolicyRequest { BucketName = bucket, Prefix = prefix, KmsKeyArn = kms, Provider = provider }));
        Assert.Equal(parameter, e.ParamName);
    }

    /// <summary>Ceph RGW and MinIO take AWS's policy language: the same document as for AWS, without KMS (which they lack).</summary>
    [Theory]
    [InlineData(S3Provider.Ceph)]
    [InlineData(S3Provider.Minio)]
    public void CephAndMinioGetTheAwsPolicyWithoutKms(S3Provider provider)
    {
        var aws = new LogPolicyRequest { BucketName = "logs", Prefix = "rgw/" };
        S3PolicyDocument expected = LogPolicyGenerator.Generate(aws);
        S3PolicyDocument policy = LogPolicyGenerator.Generate(new LogPolicyRequest { BucketName = "logs", Prefix = "rgw/", Provider = provider, KmsKeyArn = "arn:aws:kms:us-east-1:1:key/x" });

        Assert.Equal(provider, policy.Provider);
        Assert.Equal(expected.Document, policy.Document);
        Assert.DoesNotContain("kms:", policy.Document);
        Assert.Equal($"{provider} has no AWS KMS: -KmsKeyArn is not in the policy", policy.Limitations);
        Assert.Equal(string.Empty, LogPolicyGenerator.Generate(new LogPolicyRequest { BucketName = "logs", Provider = provider }).Limitations);
    }
}
