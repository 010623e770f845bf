using Amazon.Runtime;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Http;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Http;

/// <summary>The SDK signer drives a real server's signature check: RGW's IAM endpoint accepts our signature and rejects a wrong key.</summary>
public class SignedRequestClientRgwTests
{
    private static SignedRequest ListUsers() => new()
    {
        Method = "POST",
        Endpoint = new Uri(RgwServer.Endpoint),
        Service = "iam",
        Description = "IAM ListUsers",
        Form = { ["Action"] = "ListUsers", ["Version"] = "2010-05-08" },
    };

    [Fact]
    public async Task RgwAcceptsTheSignature()
    {
        using S3Session session = RgwServer.OpenSession(accountRoot: true);
        using SignedRequestClient client = session.CreateSignedClient();
        SignedResponse response = await client.SendAsync(ListUsers(), CancellationToken.None);
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("ListUsersResponse", response.Body);
    }

    [Fact]
    public async Task AWrongSecretIsRejectedWithoutTheSecretInTheMessage()
    {
        using var client = new SignedRequestClient(new BasicAWSCredentials(RgwServer.RootAccessKey, "not-the-secret-key"), "us-east-1");
        var ex = await Assert.ThrowsAsync<AmazonServiceException>(() => client.SendAsync(ListUsers(), CancellationToken.None));
        // RGW's IAM answers a bad signature with 403 AccessDenied (AWS says SignatureDoesNotMatch).
        Assert.Contains(ex.ErrorCode, new[] { "SignatureDoesNotMatch", "AccessDenied" });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.DoesNotContain("not-the-secret-key", ex.Message);
    }
}
