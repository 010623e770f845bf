using S3Audit.Engine.Buckets;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;
using S3Audit.Engine.Tests.Exposure;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Posture;

/// <summary>
/// AWSSDK.S3 4 returns GetBucketEncryption's and GetBucketLogging's 404 without its error code: "not configured"
/// only while a HEAD of the bucket finds it, an error naming the missing bucket otherwise.
/// </summary>
public class BareNotFoundTests
{
    private static RecordedHttpServer Server(int headStatus) => new RecordedHttpServer()
        .On("HEAD", (path, _) => path == "/b" || path == "/b/", new RecordedResponse(headStatus, string.Empty))
        .On("GET", (_, _) => true, RecordedS3.Error(404, "NoSuchBucket"));

    [Theory]
    [InlineData(200, ReadState.NotConfigured)]
    [InlineData(403, ReadState.NotConfigured)]
    [InlineData(404, ReadState.Unknown)]
    public async Task EncryptionAndLoggingReadA404AsOffOnlyWhileTheBucketExists(int headStatus, ReadState expected)
    {
        using RecordedHttpServer server = Server(headStatus);
        using S3Session session = RecordedS3.Open(server, S3Provider.Aws);
        var output = new CollectingOutput();
        var reader = new BucketSettingsReader(session, "b", output, CancellationToken.None);

        Readout<EncryptionSetting> encryption = await reader.EncryptionAsync();
        Readout<LoggingSetting> logging = await reader.LoggingAsync();

        Assert.Equal((expected, expected), (encryption.State, logging.State));
        Assert.Equal(expected == ReadState.Unknown ? 2 : 0, output.Errors.Count(e => e.Kind == AuditErrorKind.NotFound && e.Message.Contains("NoSuchBucket")));
    }
}
