using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Logs;

/// <summary>
/// Issue 13, item 15: -BucketName pointed at a bucket that holds no logs (backups, documents) stops after the first
/// objects that are no logs, with one NoAuditLogsFound error, instead of downloading everything. A log bucket with a
/// few odd objects is read as before, each odd object its own LogFormatNotRecognized error. A proxy in front of RGW
/// counts the object downloads.
/// </summary>
public class NoLogsInBucketRgwTests
{
    private const int ObjectBytes = 512 * 1024;

    private static async Task PutBinaryObjectsAsync(AmazonS3Client s3, string bucket, string prefix, int count)
    {
        var random = new Random(13);
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
        {
            byte[] bytes = new byte[ObjectBytes];
            random.NextBytes(bytes);
            return s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"{prefix}backup-{i:000}.tar", InputStream = new MemoryStream(bytes) });
        }));
    }

    private static int Downloads(FaultInjectingProxy proxy, string bucket) =>
        proxy.Requests.Count(r => r.StartsWith($"GET /{bucket}/", StringComparison.Ordinal) && !r.Contains("list-type", StringComparison.Ordinal));

    [Fact]
    public async Task ABucketOfBackupsStopsAfterTheFirstObjectsWithOneError()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("nologs");
        await s3.PutBucketAsync(bucket);
        const int Objects = 60;
        await PutBinaryObjectsAsync(s3, bucket, "", Objects);

        using var proxy = new FaultInjectingProxy(RgwServer.Endpoint);
        using S3Session session = LogBucketFixture.SessionThrough(proxy);
        var request = new LogReadRequest { BucketName = bucket, ThrottleLimit = 4 };
        CollectingOutput output = await LogBucketFixture.ReadAsync(session, request);

        Assert.Empty(output.OfType<S3AuditLogEntry>());
        Assert.Empty(output.Warnings);
        AuditError error = Assert.Single(output.Errors);
        Assert.Equal("NoAuditLogsFound", error.ErrorId);
        Assert.Equal(AuditErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith("The first ", error.Message, StringComparison.Ordinal);
        Assert.Contains($" objects read under s3://{bucket}/ are not audit logs, so reading stopped", error.Message, StringComparison.Ordinal);
        Assert.Contains("binary", error.Message);
        Assert.Contains("-Prefix", error.Message);
        int downloads = Downloads(proxy, bucket);
        Assert.InRange(downloads, request.NonLogObjectLimit, request.NonLogObjectLimit + request.ThrottleLimit);
    }

    [Fact]
    public async Task AFewObjectsThatAreNoLogsAreOneErrorNamingThem()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("nologs");
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "docs/readme.txt", ContentBody = "Team notes\nnothing here is a log\n" });
        await PutBinaryObjectsAsync(s3, bucket, "docs/", 2);

        using S3Session session = RgwServer.OpenSession();
        CollectingOutput output = await LogBucketFixture.ReadAsync(session, new LogReadRequest { BucketName = bucket, Prefix = "docs/" });

        AuditError error = Assert.Single(output.Errors);
        Assert.Equal("NoAuditLogsFound", error.ErrorId);
        Assert.Contains($"None of the 3 objects under s3://{bucket}/docs/ is an audit log", error.Message);
        Assert.Contains($"s3://{bucket}/docs/backup-001.tar", error.Message);
        Assert.Contains($"s3://{bucket}/docs/readme.txt", error.Message);
        Assert.Empty(output.Warnings);
    }

    [Fact]
    public async Task ALogBucketWithOddObjectsIsReadAndEachOddObjectIsAnError()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("somelogs");
        await s3.PutBucketAsync(bucket);
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 3; i++)
        {
            await LogBucketFixture.PutAsync(s3, bucket, $"logs/{start.AddMinutes(i):yyyy-MM-dd-HH-mm-ss}-F{i}", LogBucketFixture.AccessLine(start.AddMinutes(i), $"R{i}", $"k{i}") + "\n", gzip: i == 1);
        }

        // Sorted before the logs: read first, but the logs after them make this a log bucket.
        await PutBinaryObjectsAsync(s3, bucket, "a-", 2);

        using S3Session session = RgwServer.OpenSession();
        CollectingOutput output = await LogBucketFixture.ReadAsync(session, new LogReadRequest { BucketName = bucket, ThrottleLimit = 1 });

        Assert.Equal(new[] { "R0", "R1", "R2" }, output.OfType<S3AuditLogEntry>().Select(e => e.RequestId).OrderBy(r => r));
        Assert.Equal(2, output.Errors.Count);
        Assert.All(output.Errors, e => Assert.Equal("LogFormatNotRecognized", e.ErrorId));
        Assert.Equal(new[] { $"s3://{bucket}/a-backup-000.tar", $"s3://{bucket}/a-backup-001.tar" }, output.Errors.Select(e => (string)e.Target!).OrderBy(t => t));
        Assert.Empty(output.Warnings);
    }
}
