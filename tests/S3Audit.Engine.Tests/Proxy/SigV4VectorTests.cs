using S3Audit.Engine.Proxy;
using S3Audit.Engine.Proxy.Signing;

namespace S3Audit.Engine.Tests.Proxy;

/// <summary>
/// The gateway's SigV4 check against the worked examples of AWS's S3 documentation ("Signature Calculations for the
/// Authorization Header": GET Object; "Signature Calculation: Transfer Payload in Multiple Chunks"), key
/// AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, 2013-05-24.
/// </summary>
public class SigV4VectorTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SignedAt = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    private static Func<string, string?> Headers(Dictionary<string, string> headers) =>
        name => headers.TryGetValue(name, out string? v) ? v : null;

    [Fact]
    public void TheDocumentedGetObjectSignatureVerifies()
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = "examplebucket.s3.amazonaws.com",
            ["range"] = "bytes=0-9",
            ["x-amz-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ["x-amz-date"] = "20130524T000000Z",
            ["authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
        };
        var query = new List<KeyValuePair<string, string>>();
        ClientSignature signature = ClientSignature.Read(Headers(headers), query, out ProxyRequestException? error)!;
        Assert.Null(error);
        var verifier = new SignatureVerifier(new[] { new ProxyCredential("AKIAIOSFODNN7EXAMPLE", Secret, null) });
        VerifiedSignature verified = verifier.Verify(signature, "GET", "/test.txt", query, Headers(headers), SignedAt.AddMinutes(3));
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", verified.Key.Requester);

        var wrong = new SignatureVerifier(new[] { new ProxyCredential("AKIAIOSFODNN7EXAMPLE", "not-the-secret", null) });
        var e = Assert.Throws<ProxyRequestException>(() => wrong.Verify(signature, "GET", "/test.txt", query, Headers(headers), SignedAt));
        Assert.Equal((403, "SignatureDoesNotMatch"), (e.Status, e.ErrorCode));
        Assert.DoesNotContain("not-the-secret", e.Message);

        var skewed = Assert.Throws<ProxyRequestException>(() => verifier.Verify(signature, "GET", "/test.txt", query, Headers(headers), SignedAt.AddMinutes(16)));
        Assert.Equal("RequestTimeTooSkewed", skewed.ErrorCode);
        var unknown = Assert.Throws<ProxyRequestException>(() => new SignatureVerifier(Array.Empty<ProxyCredential>()).Verify(signature, "GET", "/test.txt", query, Headers(headers), SignedAt));
        Assert.Equal("InvalidAccessKeyId", unknown.ErrorCode);
    }

    [Fact]
    public void TheDocumentedChunkSignaturesFollowFromTheSeed()
    {
        byte[] key = SigV4Math.SigningKey(Secret, "20130524", "us-east-1", "s3");
        var chain = new ChunkSigner(key, "20130524T000000Z", "20130524/us-east-1/s3/aws4_request", "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
        Assert.Equal("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648", chain.NextChunk(SigV4Math.Hex(SigV4Math.Sha256(Enumerable.Repeat((byte)'a', 65536).ToArray()))));
        Assert.Equal("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497", chain.NextChunk(SigV4Math.Hex(SigV4Math.Sha256(Enumerable.Repeat((byte)'a', 1024).ToArray()))));
        Assert.Equal("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9", chain.NextChunk(SigV4Math.EmptySha256));
    }

    [Theory]
    [InlineData("/b/a b", "/b/a%20b")]
    [InlineData("/b/a%20b", "/b/a%20b")]
    [InlineData("/b/a+b=c", "/b/a%2Bb%3Dc")]
    [InlineData("/b/%E2%82%AC~._-", "/b/%E2%82%AC~._-")]
    [InlineData("", "/")]
    public void PathsAreDecodedOnceAndEncodedTheS3Way(string raw, string canonical) =>
        Assert.Equal(canonical, CanonicalRequest.CanonicalPath(raw));

    [Fact]
    public void TheQueryIsSortedByNameThenValueAndEncoded() =>
        Assert.Equal("a=&b=2&list-type=2&prefix=x%2Fy%20z&uploads=",
            CanonicalRequest.CanonicalQuery(S3UriEncoding.ParseQuery("uploads&prefix=x/y%20z&list-type=2&b=2&a")));
}
