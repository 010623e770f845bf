using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Issue 13, item 13: the operation names Ceph RGW 20 bucket logging writes (its resource words, and REST.METHOD.op_name
/// for operations without one) map to S3 API names, on lines RGW delivered (Logs/Fixtures/rgw-bucket-logging and the
/// example in examples/logs/ceph-rgw-bucket-logging) and on the names alone.
/// </summary>
public class CephBucketLoggingOperationTests
{
    private static string Line(string operation, string key, string requestUri, int status = 200, string errorCode = "-") =>
        $"test src [03/Dec/2026:13:06:32 +0000] 127.0.0.1 test tx1 {operation} {key} \"{requestUri}\" {status} {errorCode} - - - 1ms - \"ua\" - - SigV4 - AuthHeader 127.0.0.1.localhost - - -";

    [Theory]
    [InlineData("REST.GET.LOGGING", "-", "GET /src?logging HTTP/1.1", "GetBucketLogging")]
    [InlineData("REST.PUT.LOGGING", "-", "PUT /src?logging HTTP/1.1", "PutBucketLogging")]
    [InlineData("REST.POST.LOGGING", "-", "POST /src?logging HTTP/1.1", "PostBucketLogging")]
    [InlineData("REST.GET.OBJECT_LOCK", "-", "GET /src?object-lock HTTP/1.1", "GetObjectLockConfiguration")]
    [InlineData("REST.PUT.OBJECT_LOCK", "-", "PUT /src?object-lock HTTP/1.1", "PutObjectLockConfiguration")]
    [InlineData("REST.HEAD.stat_bucket", "-", "HEAD /src HTTP/1.1", "HeadBucket")]
    [InlineData("REST.GET.get_bucket_policy_status", "-", "GET /src?policyStatus HTTP/1.1", "GetBucketPolicyStatus")]
    [InlineData("REST.DELETE.delete_bucket_tags", "-", "DELETE /src?tagging HTTP/1.1", "DeleteBucketTagging")]
    [InlineData("REST.OPTIONS.options_cors", "k", "OPTIONS /src/k HTTP/1.1", "OptionsObject")]
    [InlineData("REST.GET.get_obj_layout", "k", "GET /src/k?layout HTTP/1.1", "GetObjectLayout")]
    [InlineData("REST.GET.get_bucket_meta_search", "-", "GET /src?mdsearch HTTP/1.1", "GetBucketMetaSearch")]
    [InlineData("REST.POST.config_bucket_meta_search", "-", "POST /src?mdsearch HTTP/1.1", "ConfigBucketMetaSearch")]
    [InlineData("REST.POST.DELETE_MULTI_OBJECT", "k", "POST /src?delete HTTP/1.1", "DeleteObjects")]
    [InlineData("REST.GET.TORRENT", "k", "GET /src/k?torrent HTTP/1.1", "GetObjectTorrent")]
    [InlineData("REST.GET.BUCKETS", "-", "GET / HTTP/1.1", "ListBuckets")]
    [InlineData("REST.PUT.REQUEST_PAYMENT", "-", "PUT /src?requestPayment HTTP/1.1", "PutBucketRequestPayment")]
    [InlineData("REST.DELETE.REPLICATION", "-", "DELETE /src?replication HTTP/1.1", "DeleteBucketReplication")]
    [InlineData("REST.DELETE.NOTIFICATION", "-", "DELETE /src?notification HTTP/1.1", "DeleteBucketNotification")]
    [InlineData("REST.DELETE.BULK_DELETE", "-", "DELETE /?bulk-delete HTTP/1.1", "BulkDelete")]
    [InlineData("REST.PUT.BULK_UPLOAD", "-", "PUT /src?extract-archive HTTP/1.1", "BulkUpload")]
    [InlineData("REST.COPY.OBJECT_GET", "k", "PUT /src/copy HTTP/1.1", "CopyObject")]
    [InlineData("REST.PUT.PART", "k", "PUT /src/k?uploadId=2~x&partNumber=1 HTTP/1.1", "UploadPart")]
    [InlineData("REST.GET.BUCKET", "-", "GET /src?versions&encoding-type=url HTTP/1.1", "ListObjectVersions")]
    [InlineData("REST.GET.BUCKET", "-", "GET /src?list-type=2&encoding-type=url HTTP/1.1", "ListObjectsV2")]
    [InlineData("REST.GET.BUCKET", "-", "GET /src?encoding-type=url HTTP/1.1", "ListObjects")]
    [InlineData("REST.GET.BUCKET", "-", "GET /src?prefix=versions HTTP/1.1", "ListObjects")]
    [InlineData("REST.POST.OBJECT", "k", "POST /src/k?select&select-type=2 HTTP/1.1", "SelectObjectContent")]
    [InlineData("REST.POST.OBJECT", "k", "POST /src/k HTTP/1.1", "PostObject")]
    [InlineData("WEBSITE.GET.OBJECT", "index.html", "GET /index.html HTTP/1.1", "GetObject")]
    [InlineData("REST.GET.get_bucket_future_thing", "-", "GET /src?x HTTP/1.1", "GetBucketFutureThing")]
    public void RgwOperationNameMapsToTheApiName(string raw, string key, string requestUri, string expected)
    {
        S3AuditLogEntry e = Assert.Single(LogSamples.ParseText(Line(raw, key, requestUri) + "\n"));
        Assert.Equal((expected, raw), (e.Operation, e.RawOperation));
    }

    [Fact]
    public void TheOperationFilterFindsRgwNamesByApiName()
    {
        string text = string.Join("\n", Line("REST.GET.LOGGING", "-", "GET /src?logging HTTP/1.1"), Line("REST.HEAD.stat_bucket", "-", "HEAD /src HTTP/1.1"),
            Line("REST.GET.BUCKET", "-", "GET /src?versions HTTP/1.1"), Line("REST.GET.OBJECT", "k", "GET /src/k HTTP/1.1")) + "\n";
        var options = new LogReadOptions { Filter = new LogFilter { Operation = { "GetBucketLogging", "HeadBucket", "ListObjectVersions" } }.Compile() };
        Assert.Equal(new[] { "GetBucketLogging", "HeadBucket", "ListObjectVersions" }, LogSamples.ParseText(text, null, options).Select(e => e.Operation));
    }

    [Theory]
    [InlineData(204, "NoContent", "", false)]
    [InlineData(202, "Accepted", "", false)]
    [InlineData(304, "NotModified", "", false)]
    [InlineData(200, "InternalError", "InternalError", true)]
    [InlineData(301, "PermanentRedirect", "PermanentRedirect", true)]
    [InlineData(404, "NoSuchKey", "NoSuchKey", true)]
    public void RgwSuccessPhrasesInTheErrorFieldAreNoError(int status, string logged, string errorCode, bool isError)
    {
        string line = Line("REST.DELETE.OBJECT", "k", "DELETE /src/k HTTP/1.1", status, logged) + "\n";
        S3AuditLogEntry e = Assert.Single(LogSamples.ParseText(line));
        Assert.Equal(errorCode, e.ErrorCode);
        var errorsOnly = new LogReadOptions { Filter = new LogFilter { ErrorsOnly = true }.Compile() };
        Assert.Equal(isError, LogSamples.ParseText(line, null, errorsOnly).Count == 1);
    }

    public static IEnumerable<object[]> DeliveredFiles()
    {
        string[] folders = { Path.Combine(LogSamples.Fixtures, "rgw-bucket-logging"), Path.Combine(LogSamples.Examples, "ceph-rgw-bucket-logging") };
        return folders.SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { f });
    }

    [Theory]
    [MemberData(nameof(DeliveredFiles))]
    public void EveryOperationInALogRgwDeliveredHasAnApiName(string path)
    {
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.Parse(path, diagnostics);
        Assert.Empty(diagnostics);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(e.Operation.Length > 0 && char.IsUpper(e.Operation[0]) && e.Operation.All(char.IsLetterOrDigit), $"{e.RawOperation} -> {e.Operation}"));
        Assert.All(entries.Where(e => e.HttpStatus < 400), e => Assert.Equal("", e.ErrorCode));
    }

    [Fact]
    public void AJournalRecordRgwDeliveredIsRead()
    {
        // RGW 20's Journal logging type: owner, bucket, [time], operation, key (raw, with its space), size, version id, ETag.
        List<S3AuditLogEntry> entries = LogSamples.Parse(Path.Combine(LogSamples.Fixtures, "rgw-bucket-logging", "journal", "2026-12-03-13-46-31-0000000000WQ61AF"));
        Assert.Equal(new[] { "PutObject", "PutObjectTagging", "PutObject", "DeleteObjects", "DeleteObject", "CompleteMultipartUpload" }, entries.Select(e => e.Operation));
        S3AuditLogEntry first = entries[0];
        Assert.Equal((S3AuditLogFormat.AwsAccessLog, "jsrc-634b3439", "a b.txt", 5L, 0, "", "", ""),
            (first.Source, first.BucketName, first.Key, first.ObjectSize, first.HttpStatus, first.ErrorCode, first.Requester, first.RemoteIp));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 46, 31, TimeSpan.Zero), first.Time);
        Assert.Equal(("mp.bin", 0L), (entries[^1].Key, entries[^1].ObjectSize));
    }

    [Fact]
    public void JournalRecordsHaveNoStatusSoAStatusFilterDropsThem()
    {
        const string line = "test b [03/Dec/2026:13:46:31 +0000] REST.PUT.OBJECT k 5 - 5d41402abc4b2a76b9719d911017c592\n";
        Assert.Single(LogSamples.ParseText(line, null, new LogReadOptions { Filter = new LogFilter { Operation = { "PutObject" } }.Compile() }));
        Assert.Empty(LogSamples.ParseText(line, null, new LogReadOptions { Filter = new LogFilter { HttpStatus = { 200 } }.Compile() }));
        Assert.Empty(LogSamples.ParseText(line, null, new LogReadOptions { Filter = new LogFilter { ErrorsOnly = true }.Compile() }));
    }

    [Fact]
    public void AJournalRecordCutShortIsMalformed()
    {
        var diagnostics = new List<LogDiagnostic>();
        string text = "test b [03/Dec/2026:13:46:31 +0000] REST.PUT.OBJECT k 5 - etag\ntest b [03/Dec/2026:13:46:32 +0000] REST.PUT.OBJECT k 5\n";
        Assert.Single(LogSamples.ParseText(text, diagnostics));
        Assert.Contains("Journal", Assert.Single(diagnostics).Message);
    }
}
