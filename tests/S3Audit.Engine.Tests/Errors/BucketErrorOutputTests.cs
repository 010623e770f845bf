using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Tests.Errors;

/// <summary>One error per failure and bucket: the calls a bucket denied are named in one error, written when the bucket is done.</summary>
public class BucketErrorOutputTests
{
    private static AuditError Denied(string operation, string bucket) =>
        S3ErrorClassifier.Classify(new Amazon.S3.AmazonS3Exception("denied", Amazon.Runtime.ErrorType.Sender, "AccessDenied", "REQ", System.Net.HttpStatusCode.Forbidden), operation, bucket);

    [Fact]
    public void TheSameFailureOnOneBucketIsOneErrorNamingEveryCall()
    {
        var inner = new CollectingOutput();
        var output = new BucketErrorOutput(inner);
        output.WriteError(Denied("GetBucketAcl", "b"));
        output.WriteError(Denied("GetBucketPolicy", "b"));
        output.WriteError(Denied("GetBucketVersioning", "b"));
        output.WriteWarning("passes at once");

        Assert.Empty(inner.Errors);
        Assert.Single(inner.Warnings);
        output.Flush();

        AuditError error = Assert.Single(inner.Errors);
        Assert.Equal(("BucketAccessDenied", AuditErrorKind.AccessDenied, (object?)"b"), (error.ErrorId, error.Kind, error.Target));
        Assert.Equal("3 calls on bucket 'b' failed (GetBucketAcl, GetBucketPolicy, GetBucketVersioning): access denied: AccessDenied (HTTP 403), request id REQ. Check the identity's permissions.", error.Message);
    }

    [Fact]
    public void DifferentFailuresStayApartAndASingleOneIsUnchanged()
    {
        var inner = new CollectingOutput();
        var output = new BucketErrorOutput(inner);
        AuditError acl = Denied("GetBucketAcl", "b");
        var invalid = new AuditError("BucketPolicyInvalid", AuditErrorKind.InvalidData, "The policy of bucket 'b' could not be judged.", "b");
        output.WriteError(acl);
        output.WriteError(invalid);
        output.Flush();
        output.Flush();

        Assert.Equal(new[] { acl, invalid }, inner.Errors);
    }
}
