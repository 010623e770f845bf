using Amazon.S3;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Logs;

/// <summary>
/// Downloads that see 503 SlowDown, connections dropped before the answer, connections dropped half-way through
/// the body and one that stalls half-way (a proxy in front of RGW) still return every entry exactly once, with duplicate removal off so a
/// repeated entry would show.
/// </summary>
public class LogDownloadFaultRgwTests
{
    [Fact]
    public async Task EveryEntryExactlyOnceDespiteFaults()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("logfault");
        await s3.PutBucketAsync(bucket);
        const int Objects = 30, Lines = 200;
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        await Task.WhenAll(Enumerable.Range(0, Objects).Select(o =>
        {
            string text = string.Concat(Enumerable.Range(0, Lines).Select(l => LogBucketFixture.AccessLine(start.AddMinutes(o).AddSeconds(l % 60), $"O{o}L{l}", $"key{o}-{l}") + "\n"));
            return LogBucketFixture.PutAsync(s3, bucket, $"logs/{start.AddMinutes(o + 1):yyyy-MM-dd-HH-mm-ss}-F{o:00}", text, gzip: o % 2 == 0);
        }));

        using var proxy = new FaultInjectingProxy(RgwServer.Endpoint, (method, path, seen) =>
        {
            if (method != "GET" || !path.StartsWith("/" + bucket + "/logs/", StringComparison.Ordinal) || seen > 0)
            {
                return ProxyFault.None;
            }

            int n = int.Parse(path[^2..]);
            return n == 3 ? ProxyFault.StallMidBody : (n % 4) switch
            {
                0 => ProxyFault.SlowDown,
                1 => ProxyFault.DropMidBody,
                2 => ProxyFault.DropBeforeResponse,
                _ => ProxyFault.None,
            };
        });
        using S3Session session = LogBucketFixture.SessionThrough(proxy);
        CollectingOutput output = await LogBucketFixture.ReadAsync(session, new LogReadRequest { BucketName = bucket, Prefix = "logs/", KeepDuplicates = true, ThrottleLimit = 8, IdleTimeout = TimeSpan.FromSeconds(3) });

        Assert.Empty(output.Errors);
        Assert.True(output.Warnings.Count == 0, string.Join("\n", output.Warnings.Concat(output.Verbose)));
        Assert.True(proxy.FaultsInjected >= 20, $"only {proxy.FaultsInjected} faults were injected");
        string[] ids = output.OfType<S3AuditLogEntry>().Select(e => e.RequestId).ToArray();
        Assert.True(ids.Length == Objects * Lines, ids.Length + "\n" + string.Join("\n", output.Verbose));
        Assert.Equal(Objects * Lines, ids.Distinct().Count());
        Assert.Contains(output.Verbose, v => v.Contains("resumed"));
        Assert.Contains(output.Verbose, v => v.Contains("F03: attempt 1 failed"));
    }
}
