using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Tests.Buckets;

/// <summary>
/// One classification of a setting's answer, two callers: ReadAsync writes an Unknown's error (a NotSupported answer as
/// verbose); TryReadAsync writes nothing and hands the error back, for the access-logging preflight to report by rule.
/// </summary>
public class SettingReaderTests
{
    private static readonly string[] NotConfiguredCodes = { "NoSuchThing" };

    private static S3Session Session() => S3Session.Open(new S3ConnectionOptions
    {
        EndpointUrl = "http://127.0.0.1:9",
        AccessKey = "AKIDEXAMPLE",
        SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        Region = "us-east-1",
        Provider = S3Provider.Ceph,
    });

    private static Func<CancellationToken, Task<Readout<string>>> Throws(string code, HttpStatusCode status) =>
        _ => throw new AmazonS3Exception("recorded", ErrorType.Sender, code, "RECORDED", status);

    [Theory]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden, ReadState.Unknown, true, false)]
    [InlineData("NotImplemented", HttpStatusCode.NotImplemented, ReadState.NotSupported, false, true)]
    [InlineData("NoSuchThing", HttpStatusCode.NotFound, ReadState.NotConfigured, false, false)]
    public async Task ReadAsyncWritesWhatTryReadAsyncHandsBack(string code, HttpStatusCode status, ReadState state, bool failed, bool verbose)
    {
        using S3Session session = Session();
        var output = new CollectingOutput();

        Readout<string> read = await SettingReader.ReadAsync(session, "b", "GetThing", null, Throws(code, status), NotConfiguredCodes, "nothing set", output, CancellationToken.None);
        SettingRead<string> tried = await SettingReader.TryReadAsync(session, "b", "GetThing", null, Throws(code, status), NotConfiguredCodes, "nothing set", CancellationToken.None);

        Assert.Equal((state, state), (read.State, tried.Readout.State));
        Assert.Equal(failed, tried.Failure != null);
        Assert.Equal(failed ? new[] { tried.Failure!.Message } : Array.Empty<string>(), output.Errors.Select(e => e.Message));
        Assert.Equal(verbose ? new[] { tried.Error!.Message } : Array.Empty<string>(), output.Verbose);
    }

    [Fact]
    public async Task AnUnknownKeepsTheClassifiedError()
    {
        using S3Session session = Session();

        SettingRead<string> tried = await SettingReader.TryReadAsync(session, "b", "GetThing", null, Throws("NoSuchBucket", HttpStatusCode.NotFound), NotConfiguredCodes, "nothing set", CancellationToken.None);

        Assert.Equal((AuditErrorKind.NotFound, "BucketNotFound", "b"), (tried.Failure!.Kind, tried.Failure.ErrorId, tried.Failure.Target));
        Assert.Equal(tried.Failure.Message, tried.Readout.Reason);
    }
}
