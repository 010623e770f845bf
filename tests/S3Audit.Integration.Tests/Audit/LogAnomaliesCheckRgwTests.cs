using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Run;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Audit;

/// <summary>
/// Invoke-S3Audit's logAnomalies check over real RGW access logs: anonymous reads of a public object and a burst of
/// refused anonymous requests become findings; a bucket without logging is Unknown.
/// </summary>
public sealed class LogAnomaliesCheckRgwTests
{
    [Fact]
    public async Task AnonymousReadsAndAnAccessDeniedBurstAreFoundInTheBucketsOwnLogs()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string prefix = RgwServer.UniqueBucket("anom");
        string source = prefix + "-src", logs = prefix + "-logs", quiet = prefix + "-quiet";
        await s3.PutBucketAsync(source);
        await s3.PutBucketAsync(logs);
        await s3.PutBucketAsync(quiet);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = source, Key = "open.txt", ContentBody = "x", CannedACL = S3CannedACL.PublicRead });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = source, Key = "closed.txt", ContentBody = "x" });
        PutBucketLoggingRequest logging = await RgwAccessLogs.EnableAsync(s3, source, logs);

        using (var anonymous = new HttpClient())
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{RgwServer.Endpoint}/{source}/open.txt")).StatusCode);
            }

            for (int i = 0; i < 25; i++)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"{RgwServer.Endpoint}/{source}/closed.txt")).StatusCode);
            }
        }

        await RgwAccessLogs.DeliverAsync(s3, logging);

        var env = new Dictionary<string, string> { ["RGW_EP"] = RgwServer.Endpoint, ["RGW_AK"] = RgwServer.AccessKey, ["RGW_SK"] = RgwServer.SecretKey };
        string yaml = $"targets:\n  - name: rgw\n    provider: Ceph\n    endpoint: ${{RGW_EP}}\n    region: us-east-1\n    accessKeyVariable: RGW_AK\n    secretKeyVariable: RGW_SK\n" +
                      $"    buckets:\n      include: ['{source}', '{quiet}']\nchecks:\n  logAnomalies:\n    enabled: true\n    hours: 2\n";
        string dir = Directory.CreateTempSubdirectory("s3audit-anom-").FullName;
        try
        {
            AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(dir, "audit.yml"), n => env.GetValueOrDefault(n));
            var output = new CollectingOutput();
            await new AuditRunner(environment: n => env.GetValueOrDefault(n)).RunAsync(config, null, output, CancellationToken.None);

            Assert.Empty(output.Errors);
            var findings = output.OfType<S3AuditFinding>();
            S3AuditFinding anonymousAccess = Assert.Single(findings, f => f.BucketName == source && f.Rule == "AnonymousAccess");
            Assert.Equal((S3AuditSeverity.High, S3AuditResult.Fail, "logAnomalies"), (anonymousAccess.Severity, anonymousAccess.Result, anonymousAccess.Check));
            Assert.Contains("3 successful anonymous request(s)", anonymousAccess.Detail);
            S3AuditFinding burst = Assert.Single(findings, f => f.BucketName == source && f.Rule == "AccessDeniedBurst");
            Assert.Equal((S3AuditSeverity.Medium, "127.0.0.1"), (burst.Severity, burst.Resource));
            Assert.Contains(findings, f => f.BucketName == quiet && f.Rule == "NoAccessLogs" && f.Result == S3AuditResult.Unknown);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
