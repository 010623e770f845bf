using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Run;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Audit;

/// <summary>
/// One public bucket, one severity: Get-S3AuditBucket -Detailed (PublicExposure), Test-S3PublicExposure -Detailed (the
/// worst cause) and Invoke-S3Audit (the exposure rules and the summary's counts) agree on RGW.
/// </summary>
public sealed class PublicBucketSeverityRgwTests
{
    [Theory]
    [InlineData("public-read", S3AuditSeverity.High)]
    [InlineData("public-read-write", S3AuditSeverity.Critical)]
    public async Task EveryEngineGivesThePublicBucketTheSameSeverity(string cannedAcl, S3AuditSeverity expected)
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("sev-pub");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await s3.PutACLAsync(new PutACLRequest { BucketName = bucket, CannedACL = S3CannedACL.FindValue(cannedAcl) });

        S3AuditBucketFinding posture;
        S3AuditSeverity exposure;
        using (S3Session session = RgwServer.OpenSession())
        {
            var detailed = new CollectingOutput();
            await new BucketPostureReader(session).RunAsync(new BucketPostureRequest { BucketNames = { bucket }, Detailed = true }, detailed, CancellationToken.None);
            posture = Assert.Single(detailed.OfType<S3AuditBucketFinding>(), f => f.CheckId == "PublicExposure");

            var causes = new CollectingOutput();
            await new ExposureAuditor(session).RunAsync(new ExposureRequest { BucketNames = { bucket }, Detailed = true }, causes, CancellationToken.None);
            exposure = causes.OfType<S3ExposureFinding>().Where(f => f.Exposure == S3ExposureLevel.Public).Max(f => f.Severity);
        }

        var env = new Dictionary<string, string> { ["RGW_EP"] = RgwServer.Endpoint, ["RGW_AK"] = RgwServer.AccessKey, ["RGW_SK"] = RgwServer.SecretKey };
        string yaml = $$"""
            targets:
              - name: rgw
                provider: Ceph
                endpoint: ${RGW_EP}
                region: us-east-1
                accessKeyVariable: RGW_AK
                secretKeyVariable: RGW_SK
                buckets:
                  include: ["{{bucket}}"]
            checks:
              exposure: true
              posture: false
              logging: false
            """;
        AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(Path.GetTempPath(), "audit.yml"), n => env.GetValueOrDefault(n));
        var run = new CollectingOutput();
        S3AuditRunSummary summary = await new AuditRunner(environment: n => env.GetValueOrDefault(n)).RunAsync(config, null, run, CancellationToken.None);
        List<S3AuditFinding> audit = run.OfType<S3AuditFinding>().Where(f => f.Check == "exposure").ToList();

        Assert.Equal((expected, S3AuditResult.Fail), (posture.Severity, posture.Result));
        Assert.Equal(expected, exposure);
        Assert.Equal(expected, audit.Max(f => f.Severity));
        Assert.Equal(audit.Count(f => f.Severity == S3AuditSeverity.Critical), summary.CriticalCount);
        Assert.Equal(audit.Count(f => f.Severity == S3AuditSeverity.High), summary.HighCount);
        Assert.True(expected == S3AuditSeverity.Critical ? summary.CriticalCount > 0 : summary.CriticalCount == 0 && summary.HighCount > 0);
    }
}
