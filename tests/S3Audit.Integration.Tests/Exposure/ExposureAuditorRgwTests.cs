using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Exposure;

/// <summary>Test-S3PublicExposure's engine against Ceph RGW 20: ACL and policy paths, each masked by its own Block Public Access flag.</summary>
public class ExposureAuditorRgwTests
{
    internal const string PublicReadPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::BUCKET/*"}]}""";

    private static async Task<(S3ExposureResult Result, CollectingOutput Output)> AuditAsync(string bucket, ExposureRequest? request = null)
    {
        using S3Session session = RgwServer.OpenSession();
        var output = new CollectingOutput();
        request ??= new ExposureRequest();
        request.BucketNames = new List<string> { bucket };
        await new ExposureAuditor(session).RunAsync(request, output, CancellationToken.None);
        return (Assert.Single(output.OfType<S3ExposureResult>()), output);
    }

    /// <summary>What an anonymous caller gets: proves a verdict against what RGW enforces.</summary>
    private static async Task<int> AnonymousStatusAsync(string path)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.GetAsync(RgwServer.Endpoint + path);
        return (int)response.StatusCode;
    }

    private static Task BlockAsync(AmazonS3Client s3, string bucket, bool ignorePublicAcls = false, bool restrictPublicBuckets = false) =>
        s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { IgnorePublicAcls = ignorePublicAcls, RestrictPublicBuckets = restrictPublicBuckets },
        });

    [Fact]
    public async Task PublicReadAclIsPublicAndIgnorePublicAclsMakesItLatent()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("exp-acl");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, CannedACL = S3CannedACL.PublicRead });

        var (open, output) = await AuditAsync(bucket);
        Assert.Empty(output.Errors);
        Assert.Equal((S3ExposureLevel.Public, true, false, S3Provider.Ceph), (open.Exposure, open.ViaAcl, open.ViaPolicy, open.Provider));
        Assert.True(open.PublicList);
        Assert.False(open.PublicWrite);
        Assert.Contains("AllUsers", open.Reasons);
        Assert.Equal(1, open.FindingCount);
        Assert.Equal(200, await AnonymousStatusAsync($"/{bucket}"));

        await BlockAsync(s3, bucket, ignorePublicAcls: true);
        var (masked, _) = await AuditAsync(bucket);
        Assert.Equal(403, await AnonymousStatusAsync($"/{bucket}"));
        Assert.Equal((S3ExposureLevel.Latent, true), (masked.Exposure, masked.ViaAcl));
        Assert.Equal("IgnorePublicAcls (bucket)", masked.MaskedBy);
        Assert.True(masked.PublicList);

        // RestrictPublicBuckets governs the policy path only: it does not mask an ACL.
        await BlockAsync(s3, bucket, restrictPublicBuckets: true);
        var (unmasked, _) = await AuditAsync(bucket);
        Assert.Equal(S3ExposureLevel.Public, unmasked.Exposure);
        Assert.Equal(200, await AnonymousStatusAsync($"/{bucket}"));
    }

    [Fact]
    public async Task PublicPolicyIsPublicAndRestrictPublicBucketsMakesItLatent()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("exp-pol");
        await s3.PutBucketAsync(bucket);
        await s3.PutBucketPolicyAsync(bucket, PublicReadPolicy.Replace("BUCKET", bucket));
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "o.txt", ContentBody = "x" });

        var (open, output) = await AuditAsync(bucket);
        Assert.Empty(output.Errors);
        Assert.Equal((S3ExposureLevel.Public, false, true), (open.Exposure, open.ViaAcl, open.ViaPolicy));
        Assert.Equal(200, await AnonymousStatusAsync($"/{bucket}/o.txt"));
        Assert.True(open.PublicRead);
        Assert.Contains("PublicRead", open.Reasons);

        var detailed = new CollectingOutput();
        using (S3Session session = RgwServer.OpenSession())
        {
            await new ExposureAuditor(session).RunAsync(new ExposureRequest { BucketNames = { bucket }, Detailed = true }, detailed, CancellationToken.None);
        }

        S3ExposureFinding finding = Assert.Single(detailed.OfType<S3ExposureFinding>());
        Assert.Equal(("Policy", "PublicRead", "*", "s3:GetObject", "High"), (finding.Path, finding.StatementId, finding.Principal, finding.Actions, finding.Severity.ToString()));
        Assert.NotEmpty(finding.Remediation);

        // IgnorePublicAcls governs the ACL path only: it does not mask a policy.
        await BlockAsync(s3, bucket, ignorePublicAcls: true);
        Assert.Equal(S3ExposureLevel.Public, (await AuditAsync(bucket)).Result.Exposure);

        await BlockAsync(s3, bucket, restrictPublicBuckets: true);
        var (masked, _) = await AuditAsync(bucket);
        Assert.Equal(S3ExposureLevel.Latent, masked.Exposure);
        Assert.Equal("RestrictPublicBuckets (bucket)", masked.MaskedBy);
        Assert.Equal(403, await AnonymousStatusAsync($"/{bucket}/o.txt"));
    }

    [Fact]
    public async Task PrivateBucketWithRestrictedPolicyIsNotPublic()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("exp-private");
        await s3.PutBucketAsync(bucket);
        await s3.PutBucketPolicyAsync(bucket, PublicReadPolicy.Replace("BUCKET", bucket).Replace("\"Resource\"", "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}},\"Resource\""));

        var (result, output) = await AuditAsync(bucket);
        Assert.Empty(output.Errors);
        Assert.Equal((S3ExposureLevel.NotPublic, false, false, 0), (result.Exposure, result.ViaAcl, result.ViaPolicy, result.FindingCount));
    }

    [Fact]
    public async Task ObjectAclsAreCheckedWithinPrefixAndLimit()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("exp-obj");
        await s3.PutBucketAsync(bucket);
        for (int i = 0; i < 6; i++)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"data/{i}.txt", ContentBody = "x", CannedACL = i == 1 ? S3CannedACL.PublicRead : S3CannedACL.Private });
        }

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "other/open.txt", ContentBody = "x", CannedACL = S3CannedACL.PublicRead });

        var (result, output) = await AuditAsync(bucket, new ExposureRequest { IncludeObjects = true, Prefix = "data/", ThrottleLimit = 4 });
        Assert.Equal((S3ExposureLevel.Public, false, true), (result.Exposure, result.ViaAcl, result.ViaObjectAcl));
        Assert.Contains("data/1.txt", result.Reasons);
        Assert.DoesNotContain("other/open.txt", result.Reasons);
        Assert.Contains(output.Progress, p => p.Completed);

        // -MaxObjects 1 reads only data/0.txt, which is private: the objects after it were not read, so the answer is Unknown, never a pass.
        var (limited, _) = await AuditAsync(bucket, new ExposureRequest { IncludeObjects = true, Prefix = "data/", MaxObjects = 1 });
        Assert.Equal((S3ExposureLevel.Unknown, (bool?)null), (limited.Exposure, limited.ViaObjectAcl));
        Assert.Contains("ObjectAcl: Only the first 1 object(s) under 'data/' were checked (-MaxObjects 1): the objects after them were not read", limited.Reasons);
        Assert.Contains("limited by -MaxObjects 1", limited.Reasons);

        // A limit that reaches the public object finds it; a limit above the count reads everything and is no partial scan.
        var (reached, _) = await AuditAsync(bucket, new ExposureRequest { IncludeObjects = true, Prefix = "data/", MaxObjects = 2 });
        Assert.Equal((S3ExposureLevel.Public, (bool?)true), (reached.Exposure, reached.ViaObjectAcl));
        var (everything, _) = await AuditAsync(bucket, new ExposureRequest { IncludeObjects = true, Prefix = "data/", MaxObjects = 50 });
        Assert.Equal(S3ExposureLevel.Public, everything.Exposure);
        Assert.DoesNotContain("Only the first", everything.Reasons);

        await BlockAsync(s3, bucket, ignorePublicAcls: true);
        var (masked, _) = await AuditAsync(bucket, new ExposureRequest { IncludeObjects = true });
        Assert.Equal((S3ExposureLevel.Latent, true), (masked.Exposure, masked.ViaObjectAcl));
    }

    [Fact]
    public async Task WebsiteHostingOfAPublicBucketIsAFinding()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("exp-web");
        await s3.PutBucketAsync(bucket);
        await s3.PutBucketPolicyAsync(bucket, PublicReadPolicy.Replace("BUCKET", bucket));
        await s3.PutBucketWebsiteAsync(new PutBucketWebsiteRequest { BucketName = bucket, WebsiteConfiguration = new WebsiteConfiguration { IndexDocumentSuffix = "index.html" } });

        var (result, _) = await AuditAsync(bucket);
        Assert.Equal(2, result.FindingCount);
        Assert.Contains("Website: Website hosting is on (index 'index.html')", result.Reasons);
    }

    [Fact]
    public async Task UnreadablePathsAreUnknownAndAMissingBucketIsAnError()
    {
        using AmazonS3Client owner = RgwServer.RawClient();
        string foreign = RgwServer.UniqueBucket("exp-foreign");
        string missing = RgwServer.UniqueBucket("exp-missing");
        await owner.PutBucketAsync(foreign);

        using S3Session session = RgwServer.OpenSession(accountRoot: true);
        var output = new CollectingOutput();
        await new ExposureAuditor(session).RunAsync(new ExposureRequest { BucketNames = { foreign, missing } }, output, CancellationToken.None);

        S3ExposureResult result = Assert.Single(output.OfType<S3ExposureResult>());
        Assert.Equal((foreign, S3ExposureLevel.Unknown), (result.BucketName, result.Exposure));
        Assert.Null(result.ViaAcl);
        Assert.Null(result.ViaPolicy);
        Assert.Contains("could not be read", result.Reasons);
        Assert.Contains(output.Errors, e => e.ErrorId == "BucketAccessDenied" && Equals(e.Target, foreign));
        AuditErrorAssert.Single(output, "BucketNotFound", missing);
    }
}
