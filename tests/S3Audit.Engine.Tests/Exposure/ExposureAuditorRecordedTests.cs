using S3Audit.Engine.Connection;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Exposure;

/// <summary>
/// What RGW cannot show: AWS account-level Block Public Access (STS + S3 Control), Object Ownership, and the
/// MinIO, Lyve and Exoscale paths, each from recorded responses served on 127.0.0.1. Routes are added before
/// the defaults, so the first match wins.
/// </summary>
public class ExposureAuditorRecordedTests
{
    private const string PublicPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"Anyone","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";

    private static async Task<(S3ExposureResult Result, CollectingOutput Output)> AuditAsync(RecordedHttpServer server, S3Provider provider, string bucket, bool detailed = false, string region = "us-east-1")
    {
        using S3Session session = RecordedS3.Open(server, provider, region);
        var output = new CollectingOutput();
        var request = new ExposureRequest { BucketNames = { bucket }, StsEndpoint = new Uri(server.Url), S3ControlEndpoint = new Uri(server.Url), Detailed = detailed };
        await new ExposureAuditor(session).RunAsync(request, output, CancellationToken.None);
        return (detailed ? new S3ExposureResult() : Assert.Single(output.OfType<S3ExposureResult>()), output);
    }

    [Fact]
    public async Task AccountLevelIgnorePublicAclsMasksTheAclButNotThePolicy()
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.AccountBlock(blockAcls: false, ignoreAcls: true, blockPolicy: false, restrict: false))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.PublicReadAcl)
            .WithDefaults("b");

        var (aclOnly, output) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Empty(output.Errors);
        Assert.Equal((S3ExposureLevel.Latent, "IgnorePublicAcls (account)"), (aclOnly.Exposure, aclOnly.MaskedBy));

        // The account id from STS is what S3 Control is asked about, in the x-amz-account-id header, signed.
        ReceivedRequest control = Assert.Single(server.Received, r => r.PathAndQuery.StartsWith("/v20180820/"));
        Assert.Equal(RecordedS3.AccountId, control.Headers["x-amz-account-id"]);
        Assert.Contains("/us-east-1/s3/aws4_request", control.Headers["Authorization"]);
        Assert.Contains("x-amz-account-id", control.Headers["Authorization"]);
    }

    [Fact]
    public async Task OnAwsAnIgnoredAclIsSaidToBeInvisible()
    {
        // AWS leaves public grants out of GetBucketAcl while IgnorePublicAcls is on: say so rather than imply none exist.
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.AccountBlock(false, ignoreAcls: true, false, false))
            .WithDefaults("b");

        var (result, _) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Equal((S3ExposureLevel.NotPublic, (bool?)false), (result.Exposure, result.ViaAcl));
        Assert.Contains("a masked public ACL cannot be seen", result.Reasons);
    }

    [Fact]
    public async Task AccountLevelRestrictPublicBucketsMasksThePolicyButNotTheAcl()
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.AccountBlock(false, false, false, restrict: true))
            .On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json(PublicPolicy))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.PublicReadAcl)
            .WithDefaults("b");

        var (result, _) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Equal((S3ExposureLevel.Public, true, true), (result.Exposure, result.ViaAcl, result.ViaPolicy));
        Assert.Equal("RestrictPublicBuckets (account)", result.MaskedBy);

        var (_, detailed) = await AuditAsync(server, S3Provider.Aws, "b", detailed: true);
        var findings = detailed.OfType<S3ExposureFinding>();
        Assert.Contains(findings, f => f.Path == "Policy" && f.Exposure == S3ExposureLevel.Latent && f.StatementId == "Anyone" && f.Severity == S3AuditSeverity.Medium);
        Assert.Contains(findings, f => f.Path == "Acl" && f.Exposure == S3ExposureLevel.Public && f.Principal == "AllUsers" && f.Actions == "READ");
    }

    [Fact]
    public async Task BucketAndAccountFlagsCombineToTheMostRestrictive()
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.AccountBlock(false, ignoreAcls: true, false, false))
            .On("GET", RecordedS3.Sub("b", "publicAccessBlock"), RecordedS3.Block(false, ignoreAcls: true, false, restrict: true))
            .On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json(PublicPolicy))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.PublicReadAcl)
            .WithDefaults("b");

        var (result, _) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Equal(S3ExposureLevel.Latent, result.Exposure);
        Assert.Equal("RestrictPublicBuckets (bucket); IgnorePublicAcls (bucket, account)", result.MaskedBy);
    }

    [Fact]
    public async Task BucketOwnerEnforcedMasksAPublicAcl()
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.Error(404, "NoSuchPublicAccessBlockConfiguration"))
            .On("GET", RecordedS3.Sub("b", "ownershipControls"), RecordedS3.Ownership("BucketOwnerEnforced"))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.PublicReadAcl)
            .WithDefaults("b");

        var (result, output) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Empty(output.Errors);
        Assert.Equal((S3ExposureLevel.Latent, "ObjectOwnership BucketOwnerEnforced"), (result.Exposure, result.MaskedBy));
    }

    [Fact]
    public async Task WithoutAnyBlockPublicAccessAPublicAclIsPublic()
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.Error(404, "NoSuchPublicAccessBlockConfiguration"))
            .On("GET", RecordedS3.Sub("b", "ownershipControls"), RecordedS3.Ownership("BucketOwnerPreferred"))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.Acl(("CanonicalUser", "owner-id", "FULL_CONTROL"), ("Group", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "WRITE")))
            .WithDefaults("b");

        var (result, _) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Equal((S3ExposureLevel.Public, true, false), (result.Exposure, result.PublicWrite, result.PublicRead));
        Assert.Contains("AuthenticatedUsers", result.Reasons);
    }

    [Theory]
    [InlineData("AccessDenied", 403)]
    [InlineData("InternalError", 500)]
    public async Task AnUnreadableAccountLevelMakesAMaskableAclUnknownNeverAPass(string code, int status)
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.Error(status, code))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.PublicReadAcl)
            .WithDefaults("b");

        var (result, output) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Equal(S3ExposureLevel.Unknown, result.Exposure);
        Assert.Contains("IgnorePublicAcls hides it is unknown", result.Reasons);
        Assert.Contains(output.Errors, e => e.ErrorId.StartsWith("Account") && e.Message.StartsWith($"S3 Control GetPublicAccessBlock on account '{RecordedS3.AccountId}' failed"));
    }

    [Fact]
    public async Task AnUnreadableOwnershipMakesAPublicAclUnknown()
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.Error(404, "NoSuchPublicAccessBlockConfiguration"))
            .On("GET", RecordedS3.Sub("b", "ownershipControls"), RecordedS3.Error(403, "AccessDenied"))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.PublicReadAcl)
            .WithDefaults("b");

        var (result, _) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Equal(S3ExposureLevel.Unknown, result.Exposure);
        Assert.Contains("Whether ACLs are in force is unknown", result.Reasons);
    }

    [Fact]
    public async Task AnUnparsablePolicyIsUnknownWithAnError()
    {
        using var server = new RecordedHttpServer()
            .WithAccount(RecordedS3.Error(404, "NoSuchPublicAccessBlockConfiguration"))
            .On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json("{\"Statement\": [ {\"Effect\": \"Allow\",, } ]}"))
            .WithDefaults("b");

        var (result, output) = await AuditAsync(server, S3Provider.Aws, "b");
        Assert.Equal((S3ExposureLevel.Unknown, (bool?)null), (result.Exposure, result.ViaPolicy));
        AuditErrorAssert.Single(output, "BucketPolicyInvalid", "b");
    }

    [Theory]
    [InlineData(S3Provider.Minio)]
    [InlineData(S3Provider.Lyve)]
    public async Task MinioAndLyveJudgeTheAnonymousPolicyOnly(S3Provider provider)
    {
        // mc anonymous set download: list and read for AWS:["*"]. The fixed owner-only ACL answer is never asked for.
        const string download = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["s3:GetBucketLocation","s3:ListBucket"],"Resource":["arn:aws:s3:::b"]},{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"]}]}""";
        using var server = new RecordedHttpServer()
            .On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json(download))
            .On("GET", RecordedS3.Sub("b", "policyStatus"), new RecordedResponse(200, "<PolicyStatus><IsPublic>FALSE</IsPublic></PolicyStatus>"))
            .WithDefaults("b");

        var (result, output) = await AuditAsync(server, provider, "b");
        Assert.Empty(output.Errors);
        Assert.Equal((S3ExposureLevel.Public, (bool?)null, true, true, true, false), (result.Exposure, result.ViaAcl, result.ViaPolicy, result.PublicRead, result.PublicList, result.PublicWrite));
        Assert.Contains("ACL answer is fixed", result.Reasons);
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery.Contains("?acl") || r.PathAndQuery.Contains("policyStatus") || r.PathAndQuery.Contains("publicAccessBlock") || r.Method == "POST");

        using var privateServer = new RecordedHttpServer().WithDefaults("b");
        Assert.Equal(S3ExposureLevel.NotPublic, (await AuditAsync(privateServer, provider, "b")).Result.Exposure);
    }

    [Fact]
    public async Task ExoscaleJudgesAclsAndItsOwnPolicyLanguageWithoutBlockPublicAccess()
    {
        const string ipLimited = """{"default-service-strategy":"deny","services":{"sos":{"type":"rules","rules":[{"action":"allow","expression":"source_ip.inIpRange('89.145.160.0/24')"}]}}}""";
        const string open = """{"default-service-strategy":"deny","services":{"sos":{"type":"rules","rules":[{"action":"allow","expression":"operation == 'get-object'"}]}}}""";
        using var server = new RecordedHttpServer()
            .On("GET", RecordedS3.Sub("acl-open", "acl"), RecordedS3.PublicReadAcl)
            .On("GET", RecordedS3.Sub("acl-open", "policy"), RecordedS3.Json(ipLimited))
            .On("GET", RecordedS3.Sub("policy-open", "policy"), RecordedS3.Json(open))
            .WithDefaults("acl-open").WithDefaults("policy-open");

        var (aclOpen, output) = await AuditAsync(server, S3Provider.Exoscale, "acl-open", region: "ch-gva-2");
        Assert.Empty(output.Errors);
        Assert.Equal((S3ExposureLevel.Public, true, false), (aclOpen.Exposure, aclOpen.ViaAcl, aclOpen.ViaPolicy));

        var (policyOpen, _) = await AuditAsync(server, S3Provider.Exoscale, "policy-open", region: "ch-gva-2");
        Assert.Equal((S3ExposureLevel.Public, false, true, true, false), (policyOpen.Exposure, policyOpen.ViaAcl, policyOpen.ViaPolicy, policyOpen.PublicRead, policyOpen.PublicWrite));
        Assert.Contains("without a source-IP or identity restriction", policyOpen.Reasons);
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery.Contains("publicAccessBlock") || r.PathAndQuery.Contains("ownershipControls") || r.Method == "POST");
    }
}
