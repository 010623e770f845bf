using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Acl;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Acl;

/// <summary>Get-S3AuditAcl's engine against Ceph RGW 20: canned ACLs, grant headers, 2,500+ object ACLs, AccessDenied, a missing bucket.</summary>
public class AclAuditorRgwTests
{
    private static async Task<CollectingOutput> RunAsync(AclRequest request, bool accountRoot = false)
    {
        using S3Session session = RgwServer.OpenSession(accountRoot);
        var output = new CollectingOutput();
        await new AclAuditor(session).RunAsync(request, output, CancellationToken.None);
        return output;
    }

    [Theory]
    [InlineData("private", false, "")]
    [InlineData("public-read", true, "AllUsers")]
    [InlineData("public-read-write", true, "AllUsers")]
    [InlineData("authenticated-read", true, "AuthenticatedUsers")]
    public async Task CannedAclsAreInterpreted(string canned, bool expectPublic, string group)
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("acl-" + canned.Replace("-", ""));
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, CannedACL = S3CannedACL.FindValue(canned) });

        CollectingOutput output = await RunAsync(new AclRequest { BucketNames = { bucket } });

        Assert.Empty(output.Errors);
        var rows = output.OfType<S3AuditAclGrant>();
        Assert.Contains(rows, r => r.GranteeType == "CanonicalUser" && r.Permission == "FULL_CONTROL" && !r.IsPublic);
        Assert.Equal(expectPublic, rows.Any(r => r.IsPublic));
        if (expectPublic)
        {
            Assert.All(rows.Where(r => r.IsPublic), r => Assert.Equal(group, r.PublicGroup));
        }

        if (canned == "public-read-write")
        {
            Assert.Contains(rows, r => r.IsPublic && r.Permission == "WRITE");
        }

        Assert.All(rows, r => Assert.Equal((bucket, "", S3Provider.Ceph, true), (r.BucketName, r.Key, r.Provider, r.AclsInForce)));

        // The bucket's region as GetBucketLocation says ("default" on RGW), as Get-S3AuditBucket gives it, not the session's.
        string location = (await s3.GetBucketLocationAsync(bucket)).Location?.Value ?? string.Empty;
        Assert.All(rows, r => Assert.Equal(location.Length == 0 ? "us-east-1" : location, r.Region));
    }

    [Fact]
    public async Task GrantHeadersAreInterpreted()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("acl-headers");
        await s3.PutBucketAsync(bucket);
        // Sent as x-amz-grant-* headers.
        await s3.PutBucketAclAsync(new PutBucketAclRequest
        {
            BucketName = bucket,
            GrantRead = "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"",
            GrantWriteACP = "uri=\"http://acs.amazonaws.com/groups/global/AuthenticatedUsers\"",
            GrantFullControl = "id=\"test\"",
        });

        CollectingOutput output = await RunAsync(new AclRequest { BucketNames = { bucket } });

        var rows = output.OfType<S3AuditAclGrant>();
        Assert.Contains(rows, r => r.PublicGroup == "AllUsers" && r.Permission == "READ");
        Assert.Contains(rows, r => r.PublicGroup == "AuthenticatedUsers" && r.Permission == "WRITE_ACP");
        Assert.Contains(rows, r => r.Grantee == "test" && r.Permission == "FULL_CONTROL" && !r.IsPublic);
    }

    [Fact]
    public async Task ObjectAclsAcrossManyPagesAreAllRead()
    {
        const int Count = 2510;
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("acl-objects");
        await s3.PutBucketAsync(bucket);
        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    await s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = $"data/{i / 1000}/obj-{i:D5}",
                        ContentBody = "x",
                        CannedACL = i % 500 == 0 ? S3CannedACL.PublicRead : S3CannedACL.Private,
                    });
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        CollectingOutput output = await RunAsync(new AclRequest { BucketNames = { bucket }, Prefix = "data/", Recurse = true, ThrottleLimit = 16 });

        Assert.Empty(output.Errors);
        var objectRows = output.OfType<S3AuditAclGrant>().Where(r => r.Key.Length > 0).ToList();
        Assert.Equal(Count, objectRows.Select(r => r.Key).Distinct().Count());
        // Rows come in listing (key) order however the 16 parallel reads finish, the same on every run.
        List<string> order = objectRows.Select(r => r.Key).Distinct().ToList();
        Assert.Equal(order.OrderBy(k => k, StringComparer.Ordinal), order);
        var publicKeys = objectRows.Where(r => r.IsPublic).Select(r => r.Key).Distinct().OrderBy(k => k).ToList();
        Assert.Equal(Enumerable.Range(0, Count).Where(i => i % 500 == 0).Select(i => $"data/{i / 1000}/obj-{i:D5}"), publicKeys);
        Assert.Contains(output.Progress, p => p.Completed);
        Assert.Contains(output.OfType<S3AuditAclGrant>(), r => r.Key.Length == 0);

        // Without -Recurse only the level directly under the prefix is read: nothing sits directly under data/.
        CollectingOutput shallow = await RunAsync(new AclRequest { BucketNames = { bucket }, Prefix = "data/" });
        Assert.DoesNotContain(shallow.OfType<S3AuditAclGrant>(), r => r.Key.Length > 0);
    }

    [Fact]
    public async Task SpecificKeysReadOnlyThoseObjects()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("acl-keys");
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a.txt", ContentBody = "a", CannedACL = S3CannedACL.PublicRead });

        CollectingOutput output = await RunAsync(new AclRequest { BucketNames = { bucket }, Keys = { "a.txt", "missing.txt" } });

        Assert.All(output.OfType<S3AuditAclGrant>(), r => Assert.Equal("a.txt", r.Key));
        Assert.Contains(output.OfType<S3AuditAclGrant>(), r => r.IsPublic);
        AuditErrorAssert.Single(output, "ObjectNotFound", $"{bucket}/missing.txt");
    }

    [Fact]
    public async Task AccessDeniedAndMissingBucketsAreErrorsAndTheRunGoesOn()
    {
        using AmazonS3Client testUser = RgwServer.RawClient();
        using AmazonS3Client root = RgwServer.RawClient(accountRoot: true);
        string foreign = RgwServer.UniqueBucket("acl-foreign");
        string own = RgwServer.UniqueBucket("acl-own");
        string missing = RgwServer.UniqueBucket("acl-missing");
        await testUser.PutBucketAsync(foreign);
        await root.PutBucketAsync(own);

        CollectingOutput output = await RunAsync(new AclRequest { BucketNames = { foreign, missing, own } }, accountRoot: true);

        AuditErrorAssert.Single(output, "BucketAccessDenied", foreign);
        AuditErrorAssert.Single(output, "BucketNotFound", missing);
        Assert.Contains(output.OfType<S3AuditAclGrant>(), r => r.BucketName == own);
    }

    [Fact]
    public async Task WildcardsSelectBucketsAndANonMatchingPatternIsReported()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string prefix = "wild" + Guid.NewGuid().ToString("N").Substring(0, 8);
        await s3.PutBucketAsync(prefix + "-one");
        await s3.PutBucketAsync(prefix + "-two");

        CollectingOutput output = await RunAsync(new AclRequest { BucketNames = { prefix + "-*", "nomatch" + prefix + "*" } });

        Assert.Equal(new[] { prefix + "-one", prefix + "-two" }, output.OfType<S3AuditAclGrant>().Select(r => r.BucketName).Distinct().OrderBy(b => b));
        AuditErrorAssert.Single(output, "BucketPatternNoMatch", "nomatch" + prefix + "*");
    }
}

public class AclAuditorRunFailureTests
{
    [Fact]
    public async Task AnUnreachableEndpointStopsTheRunWithAClearError()
    {
        var options = RgwServer.Options();
        options.EndpointUrl = "http://127.0.0.1:1";
        options.MaxAttempts = 1;
        using S3Session session = S3Session.Open(options);
        var ex = await Assert.ThrowsAsync<S3Audit.Engine.Errors.AuditException>(() => new AclAuditor(session).RunAsync(new AclRequest(), new CollectingOutput(), CancellationToken.None));
        Assert.Equal("EndpointUnreachable", ex.Error.ErrorId);
        Assert.Contains("127.0.0.1:1 refused the connection", ex.Error.Message);
    }

    [Fact]
    public async Task RejectedCredentialsStopTheRunAndNameTheProblem()
    {
        var options = RgwServer.Options();
        options.SecretKey = "wrong-secret-for-test";
        using S3Session session = S3Session.Open(options);
        var ex = await Assert.ThrowsAsync<S3Audit.Engine.Errors.AuditException>(() => new AclAuditor(session).RunAsync(new AclRequest(), new CollectingOutput(), CancellationToken.None));
        // AWS says SignatureDoesNotMatch; RGW answers a wrong secret with 403 AccessDenied, which to ListBuckets cannot be told
        // from a denial, so the message says what else it can mean.
        Assert.Equal("ListBucketsAccessDenied", ex.Error.ErrorId);
        Assert.EndsWith("Ceph RGW gives this same answer to a wrong access key or secret key, so check those too.", ex.Error.Message);
        Assert.DoesNotContain("wrong-secret-for-test", ex.Error.Message);
    }
}
