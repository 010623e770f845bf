using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Lyve;

/// <summary>TryCreateAsync writes an S3 failure as the classified CreateBucket error; invalid arguments still throw.</summary>
public class LyveTargetCreatorTests
{
    private static S3Session Session(string endpoint) => S3Session.Open(new S3ConnectionOptions
    {
        EndpointUrl = endpoint,
        AccessKey = "AKIDEXAMPLE",
        SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        Region = "us-east-1",
        Provider = S3Provider.Lyve,
        MaxAttempts = 1,
    });

    [Fact]
    public async Task ARefusedCreateIsWrittenAsAnError()
    {
        using var server = new RecordedHttpServer()
            .On("PUT", (_, _) => true, new RecordedResponse(403, "<Error><Code>AccessDenied</Code><Message>denied</Message></Error>"));
        using S3Session session = Session(server.Url);
        var output = new CollectingOutput();

        bool created = await new LyveTargetCreator(session).TryCreateAsync("audit", "Governance", 30, output, CancellationToken.None);

        Assert.False(created);
        AuditError error = Assert.Single(output.Errors);
        Assert.Equal("BucketAccessDenied", error.ErrorId);
        Assert.Equal("audit", error.Target);
        Assert.StartsWith("CreateBucket on bucket 'audit' failed", error.Message);
    }

    [Fact]
    public async Task AnInvalidRetentionStillThrows()
    {
        using var server = new RecordedHttpServer();
        using S3Session session = Session(server.Url);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new LyveTargetCreator(session).TryCreateAsync("audit", "Governance", 0, new CollectingOutput(), CancellationToken.None));
        Assert.Empty(server.Received);
    }
}
