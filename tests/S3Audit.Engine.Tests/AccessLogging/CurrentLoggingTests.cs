using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.AccessLogging;

/// <summary>AWSSDK.S3 4 returns GetBucketLogging's 404 without its error code: a missing bucket must not read as "logging off".</summary>
public class CurrentLoggingTests
{
    [Theory]
    [InlineData(200, true)]
    [InlineData(404, false)]
    public async Task A404ReadsAsLoggingOffOnlyWhileTheBucketExists(int headStatus, bool read)
    {
        using RecordedHttpServer server = RecordedLoggingEndpoint.Server(new RecordedResponse(404, "<Error><Code>NoSuchBucketPolicy</Code></Error>"), s => s
            .On("GET", RecordedLoggingEndpoint.Query("gone", "logging"), new RecordedResponse(404, "<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>"))
            .On("HEAD", (path, _) => path.Trim('/') == "gone", new RecordedResponse(headStatus, string.Empty)));
        using S3Session session = RecordedLoggingEndpoint.Session(server);
        var output = new CollectingOutput();

        CurrentLogging? current = await CurrentLogging.TryReadAsync(session, "gone", output, CancellationToken.None);

        Assert.Equal(read, current != null);
        Assert.Equal(read ? "" : null, current?.Target);
        Assert.Equal(read ? 0 : 1, output.Errors.Count(e => e.Kind == AuditErrorKind.NotFound));
    }
}
