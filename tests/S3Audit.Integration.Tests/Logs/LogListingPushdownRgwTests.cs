using Amazon.S3;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Logs;

/// <summary>
/// -StartTime/-EndTime pushed into the key listing, checked by counting the requests that reach RGW through a proxy:
/// three days of hourly log objects in AWS simple, AWS partitioned and Lyve layouts, a three-hour range.
/// </summary>
public class LogListingPushdownRgwTests
{
    [Fact]
    public async Task OnlyObjectsNearTheRangeAreListedAndDownloaded()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("logpush");
        await s3.PutBucketAsync(bucket);
        var day0 = new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
        var puts = new List<Task>();
        for (int h = 0; h < 72; h++)
        {
            DateTimeOffset t = day0.AddHours(h);
            string line = LogBucketFixture.AccessLine(t.AddMinutes(-5), $"R{h}", $"k{h}") + "\n";
            string stamp = t.UtcDateTime.ToString("yyyy-MM-dd-HH-mm-ss");
            puts.Add(LogBucketFixture.PutAsync(s3, bucket, $"simple/{stamp}-ABC{h:00}", line, false));
            puts.Add(LogBucketFixture.PutAsync(s3, bucket, $"part/123456789012/us-east-1/src/{t:yyyy}/{t:MM}/{t:dd}/{stamp}-P{h:00}", line.Replace($"R{h} ", $"P{h} "), false));
            puts.Add(LogBucketFixture.PutAsync(s3, bucket, $"S3-src-{stamp}.gz", line.Replace($"R{h} ", $"L{h} "), true));
        }

        await Task.WhenAll(puts);

        var start = day0.AddHours(30);
        var end = day0.AddHours(33);
        using var proxy = new FaultInjectingProxy(RgwServer.Endpoint);
        using S3Session session = LogBucketFixture.SessionThrough(proxy);
        CollectingOutput output = await LogBucketFixture.ReadAsync(session, new LogReadRequest
        {
            BucketName = bucket,
            LookBack = TimeSpan.FromHours(1),
            Options = new LogReadOptions { Filter = new LogFilter { StartTime = start, EndTime = end } },
        });

        Assert.Empty(output.Errors);
        // Entries 5 minutes before each key time: hours 31..33 are in [30:00, 33:00] (h=30 logs 29:55).
        string[] expected = Enumerable.Range(31, 3).SelectMany(h => new[] { $"R{h}", $"P{h}", $"L{h}" }).OrderBy(x => x).ToArray();
        Assert.Equal(expected, output.OfType<S3AuditLogEntry>().Select(e => e.RequestId).OrderBy(x => x).ToArray());

        string[] gets = proxy.Requests.Where(r => r.StartsWith("GET /" + bucket + "/", StringComparison.Ordinal) && !r.Contains("list-type=2", StringComparison.Ordinal)).ToArray();
        string[] lists = proxy.Requests.Where(r => r.Contains("list-type=2", StringComparison.Ordinal)).ToArray();
        // Simple and Lyve: key times in [29:00, 34:00] → 6 objects each. Partitioned: the day folder of the range (day 2, 24 objects).
        Assert.True(gets.Length == 6 + 6 + 24, string.Join("\n", gets));
        Assert.InRange(lists.Length, 3, 10);
    }
}
