using System.Net;
using Amazon.S3;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Providers;
using System.Net.Http;

namespace S3Audit.Engine.Tests.Errors;

public class S3ErrorClassifierTests
{
    private static AmazonS3Exception S3Error(string code, HttpStatusCode status) =>
        new($"{code} message", Amazon.Runtime.ErrorType.Sender, code, "REQ123", status);

    [Theory]
    [InlineData("NoSuchBucket", HttpStatusCode.NotFound, "BucketNotFound", AuditErrorKind.NotFound)]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden, "BucketAccessDenied", AuditErrorKind.AccessDenied)]
    [InlineData("SlowDown", HttpStatusCode.ServiceUnavailable, "BucketThrottled", AuditErrorKind.Throttled)]
    [InlineData("InvalidAccessKeyId", HttpStatusCode.Forbidden, "BucketInvalidCredentials", AuditErrorKind.InvalidCredentials)]
    [InlineData("SignatureDoesNotMatch", HttpStatusCode.Forbidden, "BucketInvalidCredentials", AuditErrorKind.InvalidCredentials)]
    [InlineData("MethodNotAllowed", HttpStatusCode.MethodNotAllowed, "BucketNotSupported", AuditErrorKind.NotSupported)]
    [InlineData("Weird", HttpStatusCode.Forbidden, "BucketAccessDenied", AuditErrorKind.AccessDenied)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError, "BucketFailed", AuditErrorKind.Other)]
    public void MapsS3ErrorCodes(string code, HttpStatusCode status, string errorId, AuditErrorKind kind)
    {
        AuditError error = S3ErrorClassifier.Classify(S3Error(code, status), "GetBucketAcl", "my-bucket");
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Equal("my-bucket", error.Target);
        Assert.Contains("my-bucket", error.Message);
        Assert.Contains("GetBucketAcl", error.Message);
    }

    [Fact]
    public void ObjectErrorsNameTheKey()
    {
        AuditError error = S3ErrorClassifier.Classify(S3Error("AccessDenied", HttpStatusCode.Forbidden), "GetObjectAcl", "b", "dir/file.txt");
        Assert.Equal("ObjectAccessDenied", error.ErrorId);
        Assert.Equal("b/dir/file.txt", error.Target);
        Assert.Contains("'dir/file.txt'", error.Message);
    }

    [Fact]
    public void UnwrapsAggregatesAndMapsConnectionFailures()
    {
        var e = new AggregateException(new HttpRequestException("Connection refused (127.0.0.1:1)"));
        Assert.Equal(AuditErrorKind.Connection, S3ErrorClassifier.Classify(e, "ListBuckets", "b").Kind);
    }

    [Fact]
    public void FeatureNotSupportedKeepsItsExplanation()
    {
        var e = new FeatureNotSupportedException(S3Provider.Minio, S3Feature.ServerAccessLogging, "Use the audit webhook.");
        AuditError error = S3ErrorClassifier.Classify(e, "PutBucketLogging", "b");
        Assert.Equal("BucketFeatureNotSupported", error.ErrorId);
        Assert.Contains("audit webhook", error.Message);
    }

    [Fact]
    public void MessagesAreMasked()
    {
        var e = new InvalidOperationException("failed: Authorization: AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abcdef0123456789");
        AuditError error = S3ErrorClassifier.Classify(e, "GetObject", "b");
        Assert.DoesNotContain("abcdef0123456789", error.Message);
    }
}

public class RunFailureTests
{
    [Fact]
    public void RunFailuresAreNamedAfterTheOperation()
    {
        var error = S3ErrorClassifier.ClassifyRunFailure(new HttpRequestException("Connection refused"), "ListBuckets");
        Assert.Equal(("ListBucketsConnectionFailed", AuditErrorKind.Connection), (error.ErrorId, error.Kind));
        Assert.Contains("ListBuckets failed", error.Message);
    }
}
