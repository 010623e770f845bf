using S3Audit.Engine.Acl;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Acl;

/// <summary>What RGW cannot show: Object Ownership (AWS) and MinIO's fixed ACL answer, from recorded responses.</summary>
public class AclAuditorRecordedTests
{
    private const string Acl = """
        <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>abc123</ID><DisplayName>owner</DisplayName></Owner>
        <AccessControlList>
          <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>abc123</ID><DisplayName>owner</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>
          <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>
        </AccessControlList></AccessControlPolicy>
        """;

    private static async Task<CollectingOutput> RunAsync(RecordedHttpServer server, S3Provider provider)
    {
        using var session = S3Session.Open(new S3ConnectionOptions { EndpointUrl = server.Url, AccessKey = "AKID", SecretKey = "secret", Region = "us-east-1", Provider = provider, MaxAttempts = 1 });
        var output = new CollectingOutput();
        await new AclAuditor(session).RunAsync(new AclRequest { BucketNames = { "b" } }, output, CancellationToken.None);
        return output;
    }

    [Theory]
    [InlineData("BucketOwnerEnforced", false)]
    [InlineData("BucketOwnerPreferred", true)]
    [InlineData("ObjectWriter", true)]
    public async Task ObjectOwnershipDecidesWhetherAclsAreInForce(string ownership, bool inForce)
    {
        using var server = new RecordedHttpServer()
            .On("GET", (path, _) => path.Contains("ownershipControls"), new RecordedResponse(200,
                $"<OwnershipControls xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ObjectOwnership>{ownership}</ObjectOwnership></Rule></OwnershipControls>"))
            .On("GET", (path, _) => path.Contains("acl"), new RecordedResponse(200, Acl));

        CollectingOutput output = await RunAsync(server, S3Provider.Aws);

        Assert.Empty(output.Errors);
        var rows = output.OfType<S3AuditAclGrant>();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(inForce, r.AclsInForce));
        Assert.Contains(rows, r => r.IsPublic && r.PublicGroup == "AllUsers");
    }

    [Fact]
    public async Task NoOwnershipControlsMeansAclsAreInForce()
    {
        using var server = new RecordedHttpServer()
            .On("GET", (path, _) => path.Contains("ownershipControls"), new RecordedResponse(404,
                "<Error><Code>OwnershipControlsNotFoundError</Code><Message>The bucket ownership controls were not found</Message></Error>"))
            .On("GET", (path, _) => path.Contains("acl"), new RecordedResponse(200, Acl));

        CollectingOutput output = await RunAsync(server, S3Provider.Aws);

        Assert.All(output.OfType<S3AuditAclGrant>(), r => Assert.True(r.AclsInForce));
    }

    [Fact]
    public async Task UnreadableOwnershipLeavesAclsInForceUnknown()
    {
        using var server = new RecordedHttpServer()
            .On("GET", (path, _) => path.Contains("ownershipControls"), new RecordedResponse(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"))
            .On("GET", (path, _) => path.Contains("acl"), new RecordedResponse(200, Acl));

        CollectingOutput output = await RunAsync(server, S3Provider.Aws);

        Assert.All(output.OfType<S3AuditAclGrant>(), r => Assert.Null(r.AclsInForce));
        Assert.Contains(output.Verbose, v => v.Contains("Unknown") && v.Contains("access denied"));
    }

    [Fact]
    public async Task MinioWarnsThatItsAclAnswerIsFixedAndNeverAsksForOwnership()
    {
        using var server = new RecordedHttpServer()
            .On("GET", (path, _) => path.Contains("acl"), new RecordedResponse(200, Acl));

        CollectingOutput output = await RunAsync(server, S3Provider.Minio);

        Assert.Contains(output.Warnings, w => w.Contains("Minio") && w.Contains("Test-S3PublicExposure"));
        Assert.All(output.OfType<S3AuditAclGrant>(), r => Assert.Null(r.AclsInForce));
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery.Contains("ownershipControls"));
    }
}
