using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Lake;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Lake.Tests;

/// <summary>
/// Against Ceph RGW: access-log objects in a log bucket exported to s3:// on the same server (multipart uploads completed
/// at commit), read back with DuckDB through the same view (over a downloaded copy: DuckDB's httpfs extension is not
/// available offline), compared with Measure's engine reading the bucket. Ctrl+C during the upload leaves no object and no
/// incomplete upload once the next run has started; a run killed in its commit is finished by the next.
/// </summary>
public class RgwLakeTests
{
    private static async Task<(AmazonS3Client S3, string Source, string Target)> ArrangeAsync(string name, int hours)
    {
        AmazonS3Client s3 = RgwServer.RawClient();
        string source = RgwServer.UniqueBucket("lakesrc");
        string target = RgwServer.UniqueBucket("lakedst");
        await s3.PutBucketAsync(source);
        await s3.PutBucketAsync(target);
        string folder = LakeFixture.TempFolder(name);
        Corpus.Write(folder, hours, linesPerHour: 150);
        foreach (string file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal)))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = source, Key = "logs/" + Path.GetFileName(file), FilePath = file });
        }

        return (s3, source, target);
    }

    private static LogReadRequest BucketRead(string bucket) => new() { BucketName = bucket, Prefix = "logs/" };

    private static async Task<LakeExportResult> ExportAsync(S3Session session, string target, string source, LakeWriteLimits? limits = null, IAuditOutput? output = null, CancellationToken token = default)
    {
        output ??= new CollectingOutput();
        using LakeExport export = await LakeExport.OpenAsync(LakeFixture.Request($"s3://{target}/lake", limits), session, new ParquetLakeWriterFactory(), output, token);
        await export.ReadAsync(BucketRead(source), session, output, token);
        return await export.CommitAsync(output, token);
    }

    /// <summary>The lake's Parquet objects, downloaded under their keys, for DuckDB.</summary>
    private static async Task<string> DownloadLakeAsync(AmazonS3Client s3, string bucket)
    {
        string local = LakeFixture.TempFolder("rgw-copy");
        foreach (string key in await ParquetKeysAsync(s3, bucket))
        {
            using GetObjectResponse o = await s3.GetObjectAsync(bucket, key);
            string path = Path.Combine(local, key.Substring("lake/".Length));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using FileStream f = File.Create(path);
            await o.ResponseStream.CopyToAsync(f);
        }

        return local;
    }

    private static async Task<List<string>> ParquetKeysAsync(AmazonS3Client s3, string bucket)
    {
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "lake/" });
        return (listing.S3Objects ?? new List<S3Object>()).Select(o => o.Key).Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)).ToList();
    }

    private static async Task<int> IncompleteUploadsAsync(AmazonS3Client s3, string bucket) =>
        (await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = "lake/" })).MultipartUploads?.Count ?? 0;

    private static async Task AssertLakeMatchesMeasureAsync(S3Session session, AmazonS3Client s3, string source, string target)
    {
        string local = await DownloadLakeAsync(s3, target);
        var summarizer = new LogSummarizer(new[] { S3AuditLogDimension.Operation });
        await new LogEntryReader(session).RunAsync(BucketRead(source), e => { lock (summarizer) summarizer.Add(e); }, new CollectingOutput(), CancellationToken.None);
        var measured = summarizer.GetSummary().Select(r => new S3AuditSummaryRow(r.Group, r.Requests, r.Errors, r.BytesSent)).OrderBy(r => r.Group, StringComparer.Ordinal).ToList();
        using var db = LakeFixture.Open(local);
        Assert.Equal(measured, LakeFixture.Grouped(db, "coalesce(operation, '')"));
        Assert.Equal(measured.Sum(r => r.Requests), LakeFixture.Scalar(db, "SELECT count(DISTINCT (request_id, source_file, line_number)) FROM s3audit_logs"));
    }

    [Fact]
    public async Task ALogBucketExportsToS3AndReadsBackAsMeasureCountsIt()
    {
        (AmazonS3Client s3, string source, string target) = await ArrangeAsync("rgw-export", hours: 30);
        using S3Session session = RgwServer.OpenSession();
        LakeExportResult first = await ExportAsync(session, target, source);

        Assert.Equal(30, first.Summary.SourcesRead);
        Assert.All(first.Files, f => Assert.StartsWith($"s3://{target}/lake/source=aws_access_log/year=2026/month=11/day=", f.Path));
        Assert.Equal(first.Files.Count, (await ParquetKeysAsync(s3, target)).Count);
        await AssertLakeMatchesMeasureAsync(session, s3, source, target);
        string? manifest = await new StreamReader((await s3.GetObjectAsync(target, "lake/_s3audit/manifest.json")).ResponseStream).ReadToEndAsync();
        Assert.Contains($"s3://{source}/logs/", manifest);
        Assert.Equal(0, await IncompleteUploadsAsync(s3, target));

        LakeExportResult again = await ExportAsync(session, target, source);
        Assert.Empty(again.Files);
        Assert.Equal(30, again.Summary.SourcesSkipped);
        Assert.ThrowsAny<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(target, "lake/_s3audit/lock").GetAwaiter().GetResult());
    }

    [Fact]
    public async Task CtrlCDuringTheUploadLeavesNoObjectAndTheNextRunCompletesWithoutDuplicates()
    {
        (AmazonS3Client s3, string source, string target) = await ArrangeAsync("rgw-cancel", hours: 30);
        using S3Session session = RgwServer.OpenSession();
        using var cancel = new CancellationTokenSource();
        var output = new CancelWhenStaging(cancel);
        var limits = new LakeWriteLimits { RowGroupRows = 500, MaxFileBytes = 20_000 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ExportAsync(session, target, source, limits, output, cancel.Token));
        Assert.True(output.Staged >= 1);
        Assert.Empty(await ParquetKeysAsync(s3, target));

        LakeExportResult next = await ExportAsync(session, target, source, limits);
        Assert.Equal(30, next.Summary.SourcesRead);
        Assert.Equal(0, await IncompleteUploadsAsync(s3, target));
        await AssertLakeMatchesMeasureAsync(session, s3, source, target);
    }

    [Fact]
    public async Task ARunKilledInItsS3CommitIsFinishedByTheNextRun()
    {
        (AmazonS3Client s3, string source, string target) = await ArrangeAsync("rgw-kill", hours: 30);
        using S3Session session = RgwServer.OpenSession();
        LakeExportRequest request = LakeFixture.Request($"s3://{target}/lake");
        var output = new CollectingOutput();
        var export = await LakeExport.OpenWithStoreAsync(request, new FailingStore(new S3LakeStore(request.Destination, session), failOnPublish: 2), new ParquetLakeWriterFactory(), output, CancellationToken.None);
        await export.ReadAsync(BucketRead(source), session, output, CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => export.CommitAsync(output, CancellationToken.None));
        export.Dispose();
        Assert.NotNull(await s3.GetObjectMetadataAsync(target, "lake/_s3audit/commit.json"));
        Assert.True(await IncompleteUploadsAsync(s3, target) > 0);

        var recovered = new CollectingOutput();
        LakeExportResult next = await ExportAsync(session, target, source, output: recovered);
        Assert.Contains(recovered.Warnings, w => w.Contains("Finishing the commit of export run"));
        Assert.Empty(next.Files);
        Assert.Equal(0, await IncompleteUploadsAsync(s3, target));
        await AssertLakeMatchesMeasureAsync(session, s3, source, target);
    }

    /// <summary>Ctrl+C as soon as the first file has been uploaded (its multipart upload not yet completed).</summary>
    private sealed class CancelWhenStaging : IAuditOutput
    {
        private readonly CancellationTokenSource _cancel;

        public CancelWhenStaging(CancellationTokenSource cancel) => _cancel = cancel;

        public int Staged { get; private set; }

        public void WriteObject(object item) { }
        public void WriteError(Engine.Errors.AuditError error) { }
        public void WriteWarning(string message) { }
        public void WriteVerbose(string message) { }

        public void WriteProgress(AuditProgress progress)
        {
            if (progress.Status.StartsWith("Staging", StringComparison.Ordinal))
            {
                Staged++;
                _cancel.Cancel();
            }
        }
    }
}
