using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Policies;
using S3Audit.Engine.Tests.Exposure;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Buckets;

/// <summary>The exposure judge and the secure-transport check share one parse of the bucket policy.</summary>
public class BucketSnapshotTests
{
    private const string DenyInsecure =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

    private static BucketSnapshot Snapshot(S3Session session) => new(session, "b", new CollectingOutput(), CancellationToken.None);

    [Fact]
    public async Task EveryJudgeGetsTheSameParsedPolicy()
    {
        using var server = new RecordedHttpServer().On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json(DenyInsecure));
        using S3Session session = RecordedS3.Open(server, S3Provider.Aws);
        BucketSnapshot snapshot = Snapshot(session);

        PolicyDocument forExposure = await snapshot.PolicyDocumentAsync();
        PolicyDocument forSecureTransport = await snapshot.PolicyDocumentAsync();

        Assert.Same(forExposure, forSecureTransport);
        Assert.Equal("Deny", Assert.Single(forExposure.Statements).Effect);
    }

    [Fact]
    public async Task AnUnparsablePolicyFailsEveryJudgeWithTheSameError()
    {
        using var server = new RecordedHttpServer().On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json("{\"Statement\": [ {\"Effect\": \"Allow\",, } ]}"));
        using S3Session session = RecordedS3.Open(server, S3Provider.Aws);
        BucketSnapshot snapshot = Snapshot(session);

        PolicyParseException first = await Assert.ThrowsAsync<PolicyParseException>(() => snapshot.PolicyDocumentAsync());
        PolicyParseException second = await Assert.ThrowsAsync<PolicyParseException>(() => snapshot.PolicyDocumentAsync());

        Assert.Same(first, second);
    }

    [Fact]
    public async Task WithoutAPolicyThereIsNothingToParse()
    {
        using var server = new RecordedHttpServer().On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Error(404, "NoSuchBucketPolicy"));
        using S3Session session = RecordedS3.Open(server, S3Provider.Aws);

        InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(() => Snapshot(session).PolicyDocumentAsync());
        Assert.Contains("'b'", e.Message);
    }
}
