using System.Net;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;

namespace S3Audit.Engine.Tests.Buckets;

/// <summary>
/// One reading of GetBucketPolicy's answers for the audit and the policy merge: only NoSuchBucketPolicy (or an empty
/// 200) is "no policy"; every other answer that is not a policy is an error with its code, never "no policy".
/// </summary>
public class BucketPolicyAnswerTests
{
    private static BucketPolicyAnswer Answer(HttpStatusCode status, string? body) =>
        BucketPolicyAnswer.Of(new GetBucketPolicyResponse { HttpStatusCode = status, Policy = body });

    [Fact]
    public void APolicyIsKeptByteForByte()
    {
        const string policy = "  {\"Version\":\"2012-10-17\",\"Statement\":[]}\n";
        BucketPolicyAnswer a = Answer(HttpStatusCode.OK, policy);
        Assert.Equal(policy, a.Policy);
        Assert.Null(a.ErrorCode);
        Assert.False(a.HasNoPolicy);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>")]
    [InlineData(HttpStatusCode.NotFound, "<Error><Code>NoSuchBucketPolicy</Code></Error>")]
    [InlineData(HttpStatusCode.OK, "")]
    [InlineData(HttpStatusCode.OK, null)]
    public void OnlyNoSuchBucketPolicyOrAnEmptyAnswerMeansNoPolicy(HttpStatusCode status, string? body)
    {
        BucketPolicyAnswer a = Answer(status, body);
        Assert.True(a.HasNoPolicy);
        Assert.Null(a.ErrorCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "<Error><Code>NoSuchBucket</Code></Error>", "NoSuchBucket")]
    [InlineData(HttpStatusCode.NotFound, "", "(no error code)")]
    [InlineData(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code></Error>", "AccessDenied")]
    [InlineData(HttpStatusCode.OK, "<html><body>captive portal</body></html>", "(no error code)")]
    [InlineData(HttpStatusCode.OK, "<Error><Code>InternalError</Code></Error>", "InternalError")]
    [InlineData(HttpStatusCode.InternalServerError, "{\"not\":\"a policy\"}", "(no error code)")]
    [InlineData(HttpStatusCode.OK, "<Error><Code>NoSuchBucketPolicy</Code></Error>", "NoSuchBucketPolicy")]
    public void AnythingElseIsAnErrorWithItsCode(HttpStatusCode status, string body, string code)
    {
        BucketPolicyAnswer a = Answer(status, body);
        Assert.False(a.HasNoPolicy);
        Assert.Null(a.Policy);
        Assert.Equal(code, a.ErrorCode);
    }
}
