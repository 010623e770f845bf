using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Issue 13, item 13: the operation names Ceph RGW 20 bucket logging writes (its resource words, and REST.METHOD.op_name
/// for operations without one) map to S3 API names, on lines RGW delivered (examples/logs/ceph-rgw-bucket-logging) and
/// on the names alone.
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

    public static IEnumerable<object[]> DeliveredFiles() =>
        Directory.EnumerateFiles(Path.Combine(LogSamples.Examples, "ceph-rgw-bucket-logging")).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(DeliveredFiles))]
    public void EveryOperationInALogRgwDeliveredHasAnApiName(string file)
    {
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.Parse(Path.Combine(LogSamples.Examples, "ceph-rgw-bucket-logging", file), diagnostics);
        Assert.Empty(diagnostics);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(e.Operation.Length > 0 && char.IsUpper(e.Operation[0]) && e.Operation.All(char.IsLetterOrDigit), $"{e.RawOperation} -> {e.Operation}"));
        Assert.All(entries.Where(e => e.HttpStatus < 400), e => Assert.Equal("", e.ErrorCode));
    }
}
