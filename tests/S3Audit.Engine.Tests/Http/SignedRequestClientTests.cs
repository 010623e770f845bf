using Amazon.Runtime;
using S3Audit.Engine.Http;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Http;

public class SignedRequestClientTests
{
    private static SignedRequestClient Client(int attempts = 3) =>
        new(new SessionAWSCredentials("AKIDEXAMPLE", "secretexample", "SESSIONTOKEN"), "us-east-1", new HttpClientHandler(), attempts, null, _ => TimeSpan.Zero);

    private static SignedRequest Request(RecordedHttpServer server) => new()
    {
        Method = "POST", Endpoint = new Uri(server.Url), Service = "iam", Description = "IAM ListUsers",
        Form = { ["Action"] = "ListUsers", ["Version"] = "2010-05-08" },
    };

    [Fact]
    public async Task SignsWithSigV4AndSendsTheSessionToken()
    {
        using var server = new RecordedHttpServer().On("POST", (_, body) => body.Contains("Action=ListUsers"), new RecordedResponse(200, "<ListUsersResponse/>"));
        using SignedRequestClient client = Client();
        await client.SendAsync(Request(server), CancellationToken.None);
        ReceivedRequest sent = Assert.Single(server.Received);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", sent.Headers["Authorization"]);
        Assert.Contains("/us-east-1/iam/aws4_request", sent.Headers["Authorization"]);
        Assert.Equal("SESSIONTOKEN", sent.Headers["X-Amz-Security-Token"]);
        Assert.Equal("Action=ListUsers&Version=2010-05-08", sent.Body);
    }

    [Fact]
    public async Task RetriesThrottlingThenSucceeds()
    {
        int calls = 0;
        using var server = new RecordedHttpServer().On("POST", (_, _) => true, _ => Interlocked.Increment(ref calls) < 3
            ? new RecordedResponse(400, "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>")
            : new RecordedResponse(200, "<ok/>"));
        using SignedRequestClient client = Client();
        SignedResponse response = await client.SendAsync(Request(server), CancellationToken.None);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task GivesUpAfterTheAttemptsWithTheServiceErrorCode()
    {
        using var server = new RecordedHttpServer().On("POST", (_, _) => true, new RecordedResponse(400,
            "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r2</RequestId></ErrorResponse>"));
        using SignedRequestClient client = Client(attempts: 2);
        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => client.SendAsync(Request(server), CancellationToken.None));
        Assert.Equal("Throttling", ex.ErrorCode);
        Assert.Equal("r2", ex.RequestId);
        Assert.Contains("IAM ListUsers", ex.Message);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task AccessDeniedIsNotRetried()
    {
        using var server = new RecordedHttpServer().On("POST", (_, _) => true, new RecordedResponse(403,
            "<ErrorResponse><Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/x is not authorized</Message></Error></ErrorResponse>"));
        using SignedRequestClient client = Client();
        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => client.SendAsync(Request(server), CancellationToken.None));
        Assert.Equal("AccessDenied", ex.ErrorCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public void FormEncodingEscapesLikeSigV4Expects() =>
        Assert.Equal("A=b%20c&P=%2Fpath%2F%2A", SignedRequestClient.FormEncode(new SortedDictionary<string, string> { ["A"] = "b c", ["P"] = "/path/*" }));
}
