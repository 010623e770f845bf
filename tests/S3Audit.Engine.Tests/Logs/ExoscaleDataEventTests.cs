using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Exoscale SOS data events (community.exoscale.com/product/storage/object-storage/how-to/data-events/): the webhook's
/// JSON batches and one-event-per-line files, detected and mapped onto the normalized entry.
/// </summary>
public class ExoscaleDataEventTests
{
    private static string Example(string name) => Path.Combine(LogSamples.Examples, "exoscale", name);

    [Fact]
    public void TheDocumentedSampleBatchIsDetectedAndMapped()
    {
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.Parse(Example("data-events-batch.json"), diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(S3AuditLogFormat.ExoscaleDataEvents, e.Source));

        S3AuditLogEntry sample = entries[0]; // the documentation's own sample event
        Assert.Equal(("ShowObjectCors", "show-object-cors", "my-bucket", ""), (sample.Operation, sample.RawOperation, sample.BucketName, sample.Key));
        Assert.Equal(("1.2.3.4", 200, "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"), (sample.RemoteIp, sample.HttpStatus, sample.RequestId));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 1, 1, TimeSpan.Zero).AddTicks(1234567), sample.Time);
        Assert.Equal(("", ""), (sample.Requester, sample.AccessKeyId));
        Assert.Equal("Mozilla/5.0 ...", sample.UserAgent);

        Assert.Equal(("DeleteObject", "my-bucket", "backups/2026-01-01/db.dump", 204), (entries[1].Operation, entries[1].BucketName, entries[1].Key, entries[1].HttpStatus));
        Assert.Equal(("EXO0123456789abcdef01234567", "EXO0123456789abcdef01234567"), (entries[1].AccessKeyId, entries[1].Requester));
        Assert.Equal(("EXO0123456789abcdef01234567", "backup-agent"), (entries[2].AccessKeyId, entries[2].Requester));
        Assert.Equal(("GetObject", 404, "2a04:c46::10"), (entries[2].Operation, entries[2].HttpStatus, entries[2].RemoteIp));
    }

    [Fact]
    public void EventsSavedOnePerLineAreReadAndTheBucketComesFromThePathWhenResourceIsEmpty()
    {
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.Parse(Example("data-events.jsonl"), diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "PutObject", "ListObjects", "HeadObject" }, entries.Select(e => e.Operation));
        Assert.Equal(new long[] { 1, 2, 3 }, entries.Select(e => e.LineNumber));
        Assert.Equal(("my-bucket", "secret.txt", 403), (entries[2].BucketName, entries[2].Key, entries[2].HttpStatus));
    }

    [Fact]
    public void FiltersAndAnExplicitFormatApply()
    {
        var options = new LogReadOptions { Format = S3AuditLogFormat.ExoscaleDataEvents };
        options.Filter.ErrorsOnly = true;
        List<S3AuditLogEntry> errors = LogSamples.Parse(Example("data-events-batch.json"), null, options)
            .Concat(LogSamples.Parse(Example("data-events.jsonl"), null, options)).ToList();
        Assert.Equal(new[] { 404, 403 }, errors.Select(e => e.HttpStatus));
    }

    [Fact]
    public void AnEventWithoutTimestampOrHandlerIsAMalformedRecordAndTheRestIsRead()
    {
        string text = """
            {"handler":"get-object","request-method":"GET","source-ip":"1.2.3.4","status":200,"timestamp":"2026-01-01T00:00:00Z","resource":"b/k"}
            {"request-method":"GET","source-ip":"1.2.3.4","status":200,"resource":"b/k"}
            {"handler":"put-object","request-method":"PUT","source-ip":"1.2.3.4","status":200,"timestamp":"not a time","resource":"b/k"}
            {"handler":"delete-object","request-method":"DELETE","source-ip":"1.2.3.4","status":204,"timestamp":"2026-01-01T00:00:02Z","resource":"b/k","elapsed-ms":12}
            """;
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.ParseText(text, diagnostics);
        Assert.Equal(new[] { "GetObject", "DeleteObject" }, entries.Select(e => e.Operation));
        Assert.Equal(12, entries[1].TotalTimeMs);
        Assert.Equal(new long[] { 2, 3 }, diagnostics.Select(d => d.LineNumber));
        Assert.Contains("timestamp and handler", diagnostics[0].Message);
        Assert.Contains("not an ISO 8601 time", diagnostics[1].Message);
    }

    [Theory]
    [InlineData("my-bucket", "", "my-bucket", "")]
    [InlineData("my-bucket/a/b c.txt", "", "my-bucket", "a/b c.txt")]
    [InlineData("", "https://my-bucket.sos-ch-gva-2.exo.io/a/b%20c.txt", "my-bucket", "a/b c.txt")]
    [InlineData("", "https://sos-ch-gva-2.exo.io/my-bucket/a.txt?versionId=1", "my-bucket", "a.txt")]
    [InlineData("", "not a uri", "", "")]
    public void BucketAndKeyComeFromResourceOrUri(string resource, string uri, string bucket, string key) =>
        Assert.Equal((bucket, key), ExoscaleDataEventParser.BucketAndKey(resource, uri));
}
