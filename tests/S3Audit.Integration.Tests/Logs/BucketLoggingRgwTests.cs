using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Logs;

/// <summary>
/// Real server access logs: RGW 20 delivers them through bucket logging (target bucket policy for
/// logging.s3.amazonaws.com, PutBucketLogging, traffic, a flush by turning logging off), and Get-S3AuditLogEntry's
/// engine reads them back from the log bucket with a time range.
/// </summary>
public class BucketLoggingRgwTests
{
    [Fact]
    public async Task DeliveredAccessLogsAreReadBackWithATimeRange()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string src = RgwServer.UniqueBucket("logsrc");
        string target = RgwServer.UniqueBucket("logdst");
        await s3.PutBucketAsync(src);
        await s3.PutBucketAsync(target);
        await RgwAccessLogs.EnableAsync(s3, src, target);
        string logs = src + "/";

        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(-2);
        string[] keys = Enumerable.Range(1, 5).Select(i => $"dir/file {i}.txt").ToArray();
        foreach (string key in keys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = src, Key = key, ContentBody = "hello " + key });
        }

        using (GetObjectResponse _ = await s3.GetObjectAsync(src, keys[0]))
        {
        }

        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(src, "missing.txt"));

        // Flush: turning logging off writes out the pending log object.
        await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest { BucketName = src, LoggingConfig = new S3BucketLoggingConfig() });
        DateTimeOffset end = DateTimeOffset.UtcNow.AddSeconds(2);
        await RgwServer.WaitForObjectsAsync(s3, target, logs, TimeSpan.FromSeconds(30));

        using S3Session session = RgwServer.OpenSession();
        CollectingOutput output = await LogBucketFixture.ReadAsync(session, new LogReadRequest
        {
            BucketName = target,
            Prefix = logs,
            Options = new LogReadOptions { Filter = new LogFilter { StartTime = start, EndTime = end } },
        });

        Assert.Empty(output.Errors);
        Assert.True(output.Warnings.Count == 0, string.Join("\n", output.Warnings));
        var entries = output.OfType<S3AuditLogEntry>();
        Assert.All(entries, e => Assert.Equal((S3AuditLogFormat.AwsAccessLog, src), (e.Source, e.BucketName)));
        Assert.All(entries, e => Assert.InRange(e.Time, start, end));
        foreach (string key in keys)
        {
            Assert.Single(entries, e => e.Operation == "PutObject" && e.Key == key && e.HttpStatus == 200);
        }

        Assert.Single(entries, e => e.Operation == "GetObject" && e.Key == keys[0] && e.HttpStatus == 200 && e.ObjectSize == ("hello " + keys[0]).Length);
        S3AuditLogEntry missing = Assert.Single(entries, e => e.Key == "missing.txt");
        Assert.Equal((404, "NoSuchKey", "GetObject"), (missing.HttpStatus, missing.ErrorCode, missing.Operation));
        Assert.All(entries, e => Assert.StartsWith($"s3://{target}/{logs}", e.SourceFile));

        // The same read with a range that ends before the traffic finds nothing.
        CollectingOutput before = await LogBucketFixture.ReadAsync(session, new LogReadRequest
        {
            BucketName = target,
            Prefix = logs,
            Options = new LogReadOptions { Filter = new LogFilter { EndTime = start.AddHours(-3) } },
        });
        Assert.Empty(before.OfType<S3AuditLogEntry>());
    }
}
