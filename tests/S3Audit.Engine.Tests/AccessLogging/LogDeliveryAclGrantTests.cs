using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.AccessLogging;

namespace S3Audit.Engine.Tests.AccessLogging;

public class LogDeliveryAclGrantTests
{
    private static S3Grant Grant(S3Permission permission, string? id = null, string? uri = null, string? email = null) =>
        new() { Permission = permission, Grantee = new S3Grantee { CanonicalUser = id, URI = uri, EmailAddress = email } };

    [Fact]
    public void EveryExistingGrantIsRepeatedAndTheLogDeliveryGrantsAreAdded()
    {
        var existing = new List<S3Grant>
        {
            Grant(S3Permission.FULL_CONTROL, id: "owner"),
            Grant(S3Permission.READ, id: "auditor"),
            Grant(S3Permission.READ, uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"),
            Grant(S3Permission.WRITE_ACP, email: "ops@example.com"),
        };

        PutBucketAclRequest request = LogDeliveryAclGrant.Request("logs", existing);

        Assert.Equal("logs", request.BucketName);
        Assert.Equal("id=\"owner\"", request.GrantFullControl);
        Assert.Equal("id=\"auditor\", uri=\"http://acs.amazonaws.com/groups/global/AuthenticatedUsers\"", request.GrantRead);
        Assert.Equal("uri=\"http://acs.amazonaws.com/groups/s3/LogDelivery\"", request.GrantWrite);
        Assert.Equal("uri=\"http://acs.amazonaws.com/groups/s3/LogDelivery\"", request.GrantReadACP);
        Assert.Equal("emailAddress=\"ops@example.com\"", request.GrantWriteACP);
    }

    [Fact]
    public void TheGrantIsPresentOnlyWithBothPermissions()
    {
        const string LogDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery";
        Assert.False(LogDeliveryAclGrant.IsGranted(null));
        Assert.False(LogDeliveryAclGrant.IsGranted(new List<S3Grant> { Grant(S3Permission.WRITE, uri: LogDelivery) }));
        Assert.True(LogDeliveryAclGrant.IsGranted(new List<S3Grant> { Grant(S3Permission.WRITE, uri: LogDelivery), Grant(S3Permission.READ_ACP, uri: LogDelivery + "/") }));
    }
}
