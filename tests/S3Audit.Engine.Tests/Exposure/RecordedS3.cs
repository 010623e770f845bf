using S3Audit.Engine.Connection;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Exposure;

/// <summary>Recorded S3, STS and S3 Control answers (shapes as AWS documents them) for a RecordedHttpServer.</summary>
internal static class RecordedS3
{
    public const string AccountId = "111122223333";
    private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static S3Session Open(RecordedHttpServer server, S3Provider provider, string region = "us-east-1") => S3Session.Open(new S3ConnectionOptions
    {
        EndpointUrl = server.Url,
        AccessKey = "AKIDEXAMPLE",
        SecretKey = "secretexample",
        Region = region,
        Provider = provider,
        MaxAttempts = 1,
    });

    /// <summary>True for /bucket?name or /bucket/?name (path style, with or without a value).</summary>
    public static Func<string, string, bool> Sub(string bucket, string name) => (path, _) =>
        new[] { $"/{bucket}?{name}", $"/{bucket}/?{name}" }.Any(p => path == p || path.StartsWith(p + "=", StringComparison.Ordinal) || path.StartsWith(p + "&", StringComparison.Ordinal));

    public static RecordedResponse Error(int status, string code) =>
        new(status, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code}</Message><RequestId>R1</RequestId></Error>");

    public static RecordedResponse Acl(params (string Type, string Id, string Permission)[] grants) => new(200,
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><AccessControlPolicy xmlns=\"{Ns}\"><Owner><ID>owner-id</ID><DisplayName>owner</DisplayName></Owner><AccessControlList>" +
        string.Concat(grants.Select(g => "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"" + g.Type + "\">" +
            (g.Type == "Group" ? $"<URI>{g.Id}</URI>" : $"<ID>{g.Id}</ID>") + $"</Grantee><Permission>{g.Permission}</Permission></Grant>")) +
        "</AccessControlList></AccessControlPolicy>");

    public static RecordedResponse OwnerOnlyAcl => Acl(("CanonicalUser", "owner-id", "FULL_CONTROL"));
    public static RecordedResponse PublicReadAcl => Acl(("CanonicalUser", "owner-id", "FULL_CONTROL"), ("Group", "http://acs.amazonaws.com/groups/global/AllUsers", "READ"));

    public static RecordedResponse Ownership(string value) =>
        new(200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><OwnershipControls xmlns=\"{Ns}\"><Rule><ObjectOwnership>{value}</ObjectOwnership></Rule></OwnershipControls>");

    public static RecordedResponse Block(bool blockAcls, bool ignoreAcls, bool blockPolicy, bool restrict, string ns = Ns) =>
        new(200, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><PublicAccessBlockConfiguration xmlns=\"{ns}\"><BlockPublicAcls>{L(blockAcls)}</BlockPublicAcls>" +
            $"<IgnorePublicAcls>{L(ignoreAcls)}</IgnorePublicAcls><BlockPublicPolicy>{L(blockPolicy)}</BlockPublicPolicy><RestrictPublicBuckets>{L(restrict)}</RestrictPublicBuckets></PublicAccessBlockConfiguration>");

    public static RecordedResponse AccountBlock(bool blockAcls, bool ignoreAcls, bool blockPolicy, bool restrict) =>
        Block(blockAcls, ignoreAcls, blockPolicy, restrict, "http://awss3control.amazonaws.com/doc/2018-08-20/");

    public static RecordedResponse CallerIdentity => new(200,
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
        $"<Arn>arn:aws:iam::{AccountId}:user/auditor</Arn><UserId>AIDAEXAMPLEUSERID</UserId><Account>{AccountId}</Account>" +
        "</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>", "text/xml");

    public static RecordedResponse Json(string body) => new(200, body, "application/json");

    private static string L(bool value) => value ? "true" : "false";

    /// <summary>STS GetCallerIdentity (a Query API POST) and S3 Control GetPublicAccessBlock.</summary>
    public static RecordedHttpServer WithAccount(this RecordedHttpServer server, RecordedResponse accountBlock) => server
        .On("POST", (_, body) => body.Contains("Action=GetCallerIdentity"), CallerIdentity)
        .On("GET", (path, _) => path.StartsWith("/v20180820/configuration/publicAccessBlock", StringComparison.Ordinal), accountBlock);

    /// <summary>The calls a bucket with nothing configured answers.</summary>
    public static RecordedHttpServer WithDefaults(this RecordedHttpServer server, string bucket) => server
        .On("GET", Sub(bucket, "policy"), Error(404, "NoSuchBucketPolicy"))
        .On("GET", Sub(bucket, "publicAccessBlock"), Error(404, "NoSuchPublicAccessBlockConfiguration"))
        .On("GET", Sub(bucket, "ownershipControls"), Error(404, "OwnershipControlsNotFoundError"))
        .On("GET", Sub(bucket, "website"), Error(404, "NoSuchWebsiteConfiguration"))
        .On("HEAD", (path, _) => path == $"/{bucket}" || path == $"/{bucket}/", new RecordedResponse(200, string.Empty))
        .On("GET", Sub(bucket, "acl"), OwnerOnlyAcl);
}
