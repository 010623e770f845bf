using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Audit.Checks;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Reports;
using S3Audit.Engine.Audit.Run;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Audit;

/// <summary>examples/audit.yml, exactly as shipped, against Ceph RGW: one compliant and one public bucket.</summary>
public sealed class AuditExampleRgwTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s3audit-e2e-").FullName;
    private readonly string _prefix = RgwServer.UniqueBucket("audit");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string> Environment() => new()
    {
        ["S3AUDIT_ENDPOINT"] = RgwServer.Endpoint,
        ["S3AUDIT_ACCESS_KEY"] = RgwServer.AccessKey,
        ["S3AUDIT_SECRET_KEY"] = RgwServer.SecretKey,
        ["S3AUDIT_BUCKETS"] = _prefix + "-*",
    };

    /// <summary>The shipped file, read as if it sat in a scratch folder (so its relative reports land there).</summary>
    private async Task<(S3AuditRunSummary Summary, CollectingOutput Output)> RunExampleAsync(Dictionary<string, string> env, DateTimeOffset now, string? baseline = null)
    {
        string yaml = File.ReadAllText(RepoPaths.Combine("examples", "audit.yml"));
        AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(_dir, "audit.yml"), n => env.GetValueOrDefault(n));
        var output = new CollectingOutput();
        S3AuditRunSummary summary = await new AuditRunner(environment: n => env.GetValueOrDefault(n), clock: () => now).RunAsync(config, baseline, output, CancellationToken.None);
        return (summary, output);
    }

    [Fact]
    public async Task ThePublicBucketIsAHighFindingTheCompliantOneHasNoneAndDriftFollowsTheFix()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string compliant = _prefix + "-compliant", open = _prefix + "-public", scratch = _prefix + "-scratch", logs = _prefix + "-logs-scratch";
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = open, CannedACL = S3CannedACL.PublicRead });
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = scratch, CannedACL = S3CannedACL.PublicRead });
        await MakeCompliantAsync(s3, compliant, logs);
        var firstRun = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

        var (summary, output) = await RunExampleAsync(Environment(), firstRun);

        Assert.Empty(output.Errors);
        var findings = output.OfType<S3AuditFinding>();
        S3AuditFinding high = Assert.Single(findings, f => f.Check == "exposure" && f.Result == S3AuditResult.Fail);
        Assert.Equal(("rgw", open, "exposure", "PublicAcl", S3AuditSeverity.High, S3AuditDriftStatus.New, S3Provider.Ceph),
            (high.Target, high.BucketName, high.Check, high.Rule, high.Severity, high.Status, high.Provider));
        Assert.Contains("AllUsers", high.Resource);
        // The compliant bucket has no finding of any check; the public one also fails posture and logging.
        Assert.DoesNotContain(findings, f => f.BucketName == compliant || f.BucketName == scratch || f.BucketName == logs);
        Assert.Contains(findings, f => f.BucketName == open && f.Check == "posture" && f.Rule == "VersioningOff");
        Assert.Contains(findings, f => f.BucketName == open && f.Check == "logging" && f.Rule == "LoggingOff");

        // Every enabled check either ran here or says it is not available: nothing silently passes.
        AuditCheckRegistry registry = AuditCheckRegistry.CreateDefault();
        foreach (string check in new[] { "exposure", "posture", "logging" }.Where(c => !registry.TryGet(c, out _)))
        {
            Assert.Contains(findings, f => f.Check == check && f.Rule == "CheckNotAvailable" && f.Result == S3AuditResult.Unknown);
        }

        Assert.Equal((1, 2, "rgw", "", findings.Count(f => f.Severity == S3AuditSeverity.High && f.Result == S3AuditResult.Fail), true),
            (summary.TargetCount, summary.BucketCount, summary.CompleteTargets, summary.IncompleteTargets, summary.HighCount, summary.ThresholdExceeded));
        string json = Path.Combine(_dir, "reports", "s3audit-2026-11-20.json");
        string csv = Path.Combine(_dir, "reports", "s3audit-2026-11-20.csv");
        string html = Path.Combine(_dir, "reports", "s3audit-2026-11-20.html");
        Assert.Equal(csv + "; " + html + "; " + json, summary.OutputFiles);
        Assert.Contains($"<td>{open}<td>exposure<td>PublicAcl<td>", File.ReadAllText(html));
        Assert.Matches($"\"{open}\",\"exposure\",\"PublicAcl\",\"[^\"]*AllUsers[^\"]*\",\"High\",\"Fail\",\"New\"", File.ReadAllText(csv));
        Assert.Equal(findings.Count(), JsonReport.ReadFindings(json).Count);

        // The owner fixes the ACL; the next night's run, with the first report as baseline, shows it resolved.
        await s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = open, ACL = S3CannedACL.Private });
        var (next, nextOutput) = await RunExampleAsync(Environment(), firstRun.AddDays(1), json);

        S3AuditFinding resolved = Assert.Single(nextOutput.OfType<S3AuditFinding>(), f => f.BucketName == open && f.Check == "exposure");
        Assert.Equal((S3AuditDriftStatus.Resolved, firstRun), (resolved.Status, resolved.FirstSeen));
        Assert.All(nextOutput.OfType<S3AuditFinding>().Where(f => f != resolved), f => Assert.Equal((S3AuditDriftStatus.Unchanged, firstRun), (f.Status, f.FirstSeen)));
        Assert.Equal((1, 0), (next.ResolvedCount, next.NewCount));
    }

    [Fact]
    public async Task ATargetWhoseKeyIsRefusedIsAnErrorAndTheRunStillAuditsTheOthers()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = _prefix + "-public", CannedACL = S3CannedACL.PublicRead });
        string yaml = $"""
            targets:
              - name: unknown-key
                provider: Ceph
                endpoint: {RgwServer.Endpoint}
                accessKeyVariable: UNKNOWN_ACCESS_KEY
                secretKeyVariable: S3AUDIT_SECRET_KEY
              - name: rgw
                provider: Ceph
                endpoint: {RgwServer.Endpoint}
                accessKeyVariable: S3AUDIT_ACCESS_KEY
                secretKeyVariable: S3AUDIT_SECRET_KEY
                buckets:
                  include: '{_prefix}-*'
            checks:
              exposure: true
            """;
        Dictionary<string, string> env = Environment();
        env["UNKNOWN_ACCESS_KEY"] = "NOSUCHACCESSKEY0001";
        AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(_dir, "two.yml"), n => env.GetValueOrDefault(n));
        var output = new CollectingOutput();

        S3AuditRunSummary summary = await new AuditRunner(environment: n => env.GetValueOrDefault(n)).RunAsync(config, null, output, CancellationToken.None);

        // RGW answers an unknown access key on ListBuckets with 403 AccessDenied (AWS says InvalidAccessKeyId).
        AuditErrorAssert.Single(output, "TargetAccessDenied", "unknown-key");
        Assert.DoesNotContain(env["S3AUDIT_SECRET_KEY"], string.Join(" ", output.Errors.Select(e => e.Message)));
        Assert.Contains(output.OfType<S3AuditFinding>(), f => f.Target == "rgw" && f.Severity == S3AuditSeverity.High);
        Assert.Equal("rgw", summary.CompleteTargets);
        Assert.StartsWith("unknown-key (Target 'unknown-key': ListBuckets on the account failed: access denied", summary.IncompleteTargets);
    }

    /// <summary>Everything the posture and logging checks ask for: versioning, KMS default encryption, all four Block
    /// Public Access flags, a policy that denies plain HTTP, and access logging to a bucket outside the audited set.</summary>
    private static async Task MakeCompliantAsync(AmazonS3Client s3, string bucket, string logBucket)
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = logBucket });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = bucket, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = new List<ServerSideEncryptionRule>
                {
                    new() { ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = "testkey-1" } },
                },
            },
        });
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
        });
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = bucket,
            Policy = """{"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::SRC","arn:aws:s3:::SRC/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".Replace("SRC", bucket),
        });
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = logBucket,
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::LOGS/SRC/*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::SRC"},"StringEquals":{"aws:SourceAccount":"test"}}}]}""".Replace("LOGS", logBucket).Replace("SRC", bucket),
        });
        await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest
        {
            BucketName = bucket,
            LoggingConfig = new S3BucketLoggingConfig { TargetBucketName = logBucket, TargetPrefix = bucket + "/" },
        });
    }
}
