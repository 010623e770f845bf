using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Run;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Credentials;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Audit;

/// <summary>Invoke-S3Audit's credentials check runs Get-S3AuditCredential's review: a user with two active keys becomes findings, one per key.</summary>
public sealed class CredentialsCheckRgwTests
{
    [Fact]
    public async Task TwoActiveKeysBecomeOneFindingPerKeyWithTheKeyMasked()
    {
        string user = "ck" + Guid.NewGuid().ToString("N").Substring(0, 8);
        using (S3Session session = RgwServer.OpenSession(accountRoot: true))
        using (var signed = session.CreateSignedClient("us-east-1"))
        {
            var iam = new IamQueryClient(signed, new Uri(RgwServer.Endpoint));
            await iam.CallAsync("CreateUser", new Dictionary<string, string> { ["UserName"] = user }, CancellationToken.None);
            await iam.CallAsync("CreateAccessKey", new Dictionary<string, string> { ["UserName"] = user }, CancellationToken.None);
            await iam.CallAsync("CreateAccessKey", new Dictionary<string, string> { ["UserName"] = user }, CancellationToken.None);
        }

        var env = new Dictionary<string, string> { ["RGW_EP"] = RgwServer.Endpoint, ["RGW_AK"] = RgwServer.RootAccessKey, ["RGW_SK"] = RgwServer.RootSecretKey };
        string yaml = """
            targets:
              - name: rgw-root
                provider: Ceph
                endpoint: ${RGW_EP}
                region: us-east-1
                accessKeyVariable: RGW_AK
                secretKeyVariable: RGW_SK
                buckets:
                  include: ["no-bucket-matches-this-*"]
            checks:
              exposure: false
              posture: false
              logging: false
              credentials: true
            """;
        string dir = Directory.CreateTempSubdirectory("s3audit-cred-").FullName;
        try
        {
            AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(dir, "audit.yml"), n => env.GetValueOrDefault(n));
            var output = new CollectingOutput();
            await new AuditRunner(environment: n => env.GetValueOrDefault(n)).RunAsync(config, null, output, CancellationToken.None);

            var mine = output.OfType<S3AuditFinding>().Where(f => f.Resource.StartsWith(user + " ", StringComparison.Ordinal) && f.Rule == "TwoActiveKeys").ToList();
            Assert.Equal(2, mine.Count);
            Assert.Equal(2, mine.Select(f => f.Resource).Distinct().Count());
            Assert.All(mine, f =>
            {
                Assert.Equal(("credentials", S3AuditSeverity.Medium, S3AuditResult.Fail, ""), (f.Check, f.Severity, f.Result, f.BucketName));
                Assert.Matches(@"\(\*\*\*\*[A-Za-z0-9]{4}\)$", f.Resource);
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
