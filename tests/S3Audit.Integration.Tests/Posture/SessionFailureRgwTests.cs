using Amazon.S3;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Posture;

/// <summary>
/// What Ceph RGW 20 (with STS enabled) really answers: a wrong secret is one CredentialsRejected for the run although RGW
/// says only AccessDenied; a bucket of another user is one BucketAccessDenied naming its nine calls; an https URL at
/// RGW's plain-HTTP port is one EndpointUnreachable naming the TLS handshake.
/// </summary>
public class SessionFailureRgwTests
{
    private static async Task<(AuditException? Ended, CollectingOutput Output)> ReadAsync(S3ConnectionOptions options, params string[] buckets)
    {
        using S3Session session = S3Session.Open(options);
        var output = new CollectingOutput();
        try
        {
            await new BucketPostureReader(session).RunAsync(new BucketPostureRequest { BucketNames = buckets.ToList() }, output, CancellationToken.None);
            return (null, output);
        }
        catch (AuditException e)
        {
            return (e, output);
        }
    }

    [Fact]
    public async Task AWrongSecretIsOneRejectionForTheRun()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string mine = RgwServer.UniqueBucket("fail-mine");
        await s3.PutBucketAsync(mine);
        S3ConnectionOptions options = RgwServer.Options();
        options.SecretKey = "not-the-secret-key";

        var (ended, output) = await ReadAsync(options, mine, "some-other-bucket");

        Assert.NotNull(ended);
        Assert.Equal((EndpointGuard.CredentialsRejectedId, AuditErrorKind.InvalidCredentials), (ended!.Error.ErrorId, ended.Error.Kind));
        Assert.Contains("Ceph RGW refused to authenticate the requests", ended.Error.Message);
        Assert.DoesNotContain("not-the-secret-key", ended.Error.Message);
        Assert.Empty(output.Errors);
        Assert.Empty(output.Objects);
    }

    [Fact]
    public async Task ABucketOfAnotherUserIsOneErrorForThatBucketAndTheOthersAreRead()
    {
        using AmazonS3Client root = RgwServer.RawClient(accountRoot: true);
        using AmazonS3Client s3 = RgwServer.RawClient();
        string theirs = RgwServer.UniqueBucket("fail-theirs");
        string mine = RgwServer.UniqueBucket("fail-mine");
        await root.PutBucketAsync(theirs);
        await s3.PutBucketAsync(mine);

        var (ended, output) = await ReadAsync(RgwServer.Options(), theirs, mine);

        Assert.Null(ended);
        AuditError error = Assert.Single(output.Errors);
        Assert.Equal(("BucketAccessDenied", (object?)theirs), (error.ErrorId, error.Target));
        Assert.StartsWith($"9 calls on bucket '{theirs}' failed (GetBucketPolicy, ", error.Message);
        Assert.Equal(new[] { theirs, mine }, output.OfType<S3AuditBucket>().Select(r => r.BucketName));
    }

    [Fact]
    public async Task HttpsAtRgwsPlainHttpPortIsOneUnreachableNamingTheHandshake()
    {
        S3ConnectionOptions options = RgwServer.Options();
        options.EndpointUrl = RgwServer.Endpoint.Replace("http://", "https://");

        var (ended, output) = await ReadAsync(options, "a", "b");

        Assert.Equal(EndpointGuard.UnreachableId, ended!.Error.ErrorId);
        Assert.Contains("TLS handshake", ended.Error.Message);
        Assert.Contains("use " + RgwServer.Endpoint.TrimEnd('/'), ended.Error.Message);
        Assert.Empty(output.Errors);
    }
}
