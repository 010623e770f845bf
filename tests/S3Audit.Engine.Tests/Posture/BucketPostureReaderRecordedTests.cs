using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;
using S3Audit.Engine.Tests.Exposure;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Posture;

/// <summary>Get-S3AuditBucket's engine on AWS (account-level Block Public Access, Object Ownership, DSSE-KMS), MinIO and Exoscale, from recorded responses.</summary>
public class BucketPostureReaderRecordedTests
{
    private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static RecordedResponse Xml(string body) => new(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);

    private static bool IsListBuckets(string path, string body) => path == "/" || path.StartsWith("/?", StringComparison.Ordinal);

    private static RecordedResponse ListBuckets(params string[] buckets) =>
        Xml($"<ListAllMyBucketsResult xmlns=\"{Ns}\"><Owner><ID>owner-id</ID></Owner><Buckets>" +
            string.Concat(buckets.Select(b => $"<Bucket><Name>{b}</Name><CreationDate>2024-01-02T03:04:05.000Z</CreationDate></Bucket>")) + "</Buckets></ListAllMyBucketsResult>");

    private static RecordedHttpServer WithPosture(RecordedHttpServer server, string bucket) => server
        .On("GET", IsListBuckets, ListBuckets(bucket))
        .On("GET", RecordedS3.Sub(bucket, "location"), Xml($"<LocationConstraint xmlns=\"{Ns}\">eu-central-1</LocationConstraint>"))
        .On("GET", RecordedS3.Sub(bucket, "versioning"), Xml($"<VersioningConfiguration xmlns=\"{Ns}\"><Status>Enabled</Status><MfaDelete>Enabled</MfaDelete></VersioningConfiguration>"))
        .On("GET", RecordedS3.Sub(bucket, "object-lock"), Xml($"<ObjectLockConfiguration xmlns=\"{Ns}\"><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Years>1</Years></DefaultRetention></Rule></ObjectLockConfiguration>"))
        .On("GET", RecordedS3.Sub(bucket, "encryption"), Xml($"<ServerSideEncryptionConfiguration xmlns=\"{Ns}\"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms:dsse</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:eu-central-1:111122223333:key/k1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>"))
        .On("GET", RecordedS3.Sub(bucket, "logging"), Xml($"<BucketLoggingStatus xmlns=\"{Ns}\"><LoggingEnabled><TargetBucket>central-logs</TargetBucket><TargetPrefix>{bucket}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>"));

    private static async Task<(S3AuditBucket Row, List<S3AuditBucketFinding> Findings, CollectingOutput Output)> ReadAsync(RecordedHttpServer server, S3Provider provider, string bucket)
    {
        using S3Session session = RecordedS3.Open(server, provider);
        var request = new BucketPostureRequest { BucketNames = { bucket }, RequireKms = true, RequireObjectLock = true, StsEndpoint = new Uri(server.Url), S3ControlEndpoint = new Uri(server.Url) };
        var output = new CollectingOutput();
        BucketPostureReport report = await new BucketPostureReader(session).ReadBucketAsync(bucket, request, output, CancellationToken.None);
        var rows = new CollectingOutput();
        await new BucketPostureReader(session).RunAsync(request, rows, CancellationToken.None);
        Assert.Equal(report.Bucket.FindingCount, Assert.Single(rows.OfType<S3AuditBucket>()).FindingCount);
        return (Assert.Single(rows.OfType<S3AuditBucket>()), report.Findings.ToList(), output);
    }

    /// <summary>Piped buckets share one reader's ListBuckets listing; a bucket missing from it (created upstream since) lists again once.</summary>
    [Fact]
    public async Task PipedBucketsShareOneListingAndABucketMissingFromItListsAgainOnce()
    {
        int listings = 0;
        using var server = new RecordedHttpServer()
            .On("GET", IsListBuckets, _ => Interlocked.Increment(ref listings) == 1 ? ListBuckets("a", "b") : ListBuckets("a", "b", "c"));
        foreach (string bucket in new[] { "a", "b", "c" })
        {
            WithPosture(server, bucket).WithDefaults(bucket);
        }

        using S3Session session = RecordedS3.Open(server, S3Provider.Minio);
        var reader = new BucketPostureReader(session);
        var rows = new CollectingOutput();
        int ListBucketsReceived() => server.Received.Count(r => r.Method == "GET" && IsListBuckets(r.PathAndQuery, r.Body));

        foreach (string bucket in new[] { "a", "b" })
        {
            await reader.RunAsync(new BucketPostureRequest { BucketNames = { bucket } }, rows, CancellationToken.None);
        }

        Assert.Equal(1, ListBucketsReceived());
        await reader.RunAsync(new BucketPostureRequest { BucketNames = { "c" } }, rows, CancellationToken.None);
        Assert.Equal(2, ListBucketsReceived());
        Assert.Equal(new[] { "a", "b", "c" }, rows.OfType<S3AuditBucket>().Select(r => r.BucketName));
        Assert.All(rows.OfType<S3AuditBucket>(), r => Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), r.CreationDate));
    }

    [Fact]
    public async Task AwsCombinesAccountAndBucketBlockPublicAccessAndReadsOwnershipAndDsseKms()
    {
        using var server = WithPosture(new RecordedHttpServer(), "b")
            .WithAccount(RecordedS3.AccountBlock(blockAcls: true, ignoreAcls: true, blockPolicy: false, restrict: false))
            .On("GET", RecordedS3.Sub("b", "publicAccessBlock"), RecordedS3.Block(false, false, blockPolicy: true, restrict: false))
            .On("GET", RecordedS3.Sub("b", "ownershipControls"), RecordedS3.Ownership("ObjectWriter"))
            .WithDefaults("b");

        var (row, findings, output) = await ReadAsync(server, S3Provider.Aws, "b");

        Assert.Empty(output.Errors);
        Assert.Equal(("eu-central-1", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)), (row.Region, row.CreationDate));
        Assert.Equal(("Enabled", (bool?)true, (bool?)true, "GOVERNANCE", (int?)1), (row.Versioning, row.MfaDelete, row.ObjectLockEnabled, row.DefaultRetentionMode, row.DefaultRetentionYears));
        Assert.Equal(("DSSE-KMS", "arn:aws:kms:eu-central-1:111122223333:key/k1", (bool?)true), (row.Encryption, row.KmsKeyId, row.BucketKeyEnabled));
        Assert.Equal(((bool?)true, "central-logs/b/"), (row.LoggingEnabled, row.LoggingTarget));
        Assert.Equal(((bool?)true, (bool?)true, (bool?)true, (bool?)false), (row.BlockPublicAcls, row.IgnorePublicAcls, row.BlockPublicPolicy, row.RestrictPublicBuckets));
        Assert.Equal("Bucket: BlockPublicPolicy; Account: BlockPublicAcls, IgnorePublicAcls", row.PublicAccessBlockDetail);
        Assert.Equal(("ObjectWriter", (bool?)false, (bool?)false, (bool?)false), (row.ObjectOwnership, row.HasPolicy, row.SecureTransportEnforced, row.WebsiteEnabled));
        Assert.Equal(new[] { "AclsInForce", "BlockPublicAccessIncomplete", "NoSecureTransportPolicy" }, findings.Select(f => f.CheckId).OrderBy(c => c));
        Assert.Contains(findings, f => f.CheckId == "AclsInForce" && f.ProwlerCheckId == "s3_bucket_acl_prohibited");
    }

    [Fact]
    public async Task AnUnreadableAccountLevelLeavesOffFlagsUnknownWithTheReason()
    {
        using var server = WithPosture(new RecordedHttpServer(), "b")
            .WithAccount(RecordedS3.Error(403, "AccessDenied"))
            .On("GET", RecordedS3.Sub("b", "publicAccessBlock"), RecordedS3.Block(true, true, false, false))
            .On("GET", RecordedS3.Sub("b", "ownershipControls"), RecordedS3.Ownership("BucketOwnerEnforced"))
            .WithDefaults("b");

        var (row, findings, _) = await ReadAsync(server, S3Provider.Aws, "b");
        Assert.Equal(((bool?)true, (bool?)true, (bool?)null, (bool?)null), (row.BlockPublicAcls, row.IgnorePublicAcls, row.BlockPublicPolicy, row.RestrictPublicBuckets));
        Assert.Contains("BlockPublicAccess: account level", row.Unreadable);
        Assert.Contains(findings, f => f.CheckId == "BlockPublicAccessIncomplete" && f.Severity == S3AuditSeverity.High && f.Result == S3AuditResult.Unknown);
    }

    /// <summary>The SDK returns GetBucketWebsite's 404 without its error code; a HEAD of the bucket decides.</summary>
    [Theory]
    [InlineData(200, false)]
    [InlineData(403, false)]
    [InlineData(404, null)]
    public async Task AWebsite404IsHostingOffOnlyWhileTheBucketExists(int headStatus, bool? websiteEnabled)
    {
        using var server = WithPosture(new RecordedHttpServer(), "b")
            .WithAccount(RecordedS3.AccountBlock(true, true, true, true))
            .On("HEAD", (path, _) => path == "/b" || path == "/b/", new RecordedResponse(headStatus, string.Empty))
            .WithDefaults("b");

        var (row, _, output) = await ReadAsync(server, S3Provider.Aws, "b");

        Assert.Equal(websiteEnabled, row.WebsiteEnabled);
        Assert.Equal(headStatus == 404, row.Unreadable.Contains("Website"));
        Assert.Equal(headStatus == 404, output.Errors.Any(e => e.Message.Contains("NoSuchBucket") || e.Message.Contains("does not exist")));
        Assert.Contains(server.Received, r => r.Method == "HEAD");
    }

    [Fact]
    public async Task AnUnparsablePolicyLeavesExposureAndSecureTransportUnknown()
    {
        using var server = WithPosture(new RecordedHttpServer(), "b")
            .WithAccount(RecordedS3.Error(404, "NoSuchPublicAccessBlockConfiguration"))
            .On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json("{\"Statement\": [ {\"Effect\": \"Allow\",, } ]}"))
            .WithDefaults("b");

        var (row, _, output) = await ReadAsync(server, S3Provider.Aws, "b");

        Assert.Equal((S3ExposureLevel.Unknown, (bool?)true, (bool?)null), (row.Exposure, row.HasPolicy, row.SecureTransportEnforced));
        Assert.Contains("SecureTransportEnforced: the policy could not be parsed: ", row.Unreadable);
        AuditErrorAssert.Single(output, "BucketPolicyInvalid", "b");
    }

    [Fact]
    public async Task MinioSaysNotSupportedForWhatItLacks()
    {
        using var server = WithPosture(new RecordedHttpServer(), "b").WithDefaults("b");

        var (row, findings, output) = await ReadAsync(server, S3Provider.Minio, "b");

        Assert.Empty(output.Errors);
        Assert.Equal(((bool?)false, "", (bool?)false, (bool?)false, "NotSupported"), (row.LoggingEnabled, row.LoggingTarget, row.BlockPublicAcls, row.RestrictPublicBuckets, row.PublicAccessBlockDetail));
        Assert.Equal(("NotSupported", (bool?)false, (bool?)false, (bool?)false), (row.ObjectOwnership, row.WebsiteEnabled, row.HasPolicy, row.SecureTransportEnforced));
        Assert.Equal("LoggingEnabled, BlockPublicAccess, ObjectOwnership, WebsiteEnabled", row.UnsupportedSettings);
        Assert.Equal("", row.Unreadable);
        Assert.Equal(("Enabled", "DSSE-KMS", S3ExposureLevel.NotPublic), (row.Versioning, row.Encryption, row.Exposure));
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery.Contains("logging") || r.PathAndQuery.Contains("publicAccessBlock") || r.PathAndQuery.Contains("ownershipControls") || r.PathAndQuery.Contains("?acl"));
        Assert.Equal(new[] { "NoSecureTransportPolicy" }, findings.Select(f => f.CheckId));
    }

    [Fact]
    public async Task ExoscaleHasNoLoggingNoBlockPublicAccessAndItsOwnPolicyLanguage()
    {
        using var server = WithPosture(new RecordedHttpServer(), "b")
            .On("GET", RecordedS3.Sub("b", "policy"), RecordedS3.Json("""{"default-service-strategy":"deny","services":{"sos":{"type":"rules","rules":[{"action":"allow","expression":"source_ip.inIpRange('89.145.160.0/24')"}]}}}"""))
            .On("GET", RecordedS3.Sub("b", "acl"), RecordedS3.PublicReadAcl)
            .WithDefaults("b");

        var (row, findings, output) = await ReadAsync(server, S3Provider.Exoscale, "b");

        Assert.Empty(output.Errors);
        Assert.Equal(((bool?)false, (bool?)false, "NotSupported", (bool?)true, (bool?)false), (row.LoggingEnabled, row.IgnorePublicAcls, row.ObjectOwnership, row.HasPolicy, row.SecureTransportEnforced));
        Assert.Contains("SecureTransportEnforced", row.UnsupportedSettings);
        Assert.Equal(S3ExposureLevel.Public, row.Exposure);
        // No access logging is not a pass: an Unknown finding names the gateway and data events.
        Assert.Equal(new[] { "PublicExposure", "ServerAccessLoggingNotSupported" }, findings.Select(f => f.CheckId));
    }

    /// <summary>Many buckets are read ThrottleLimit at a time; rows keep the listing order although a later bucket finishes first, with progress per bucket.</summary>
    [Fact]
    public async Task BucketsAreReadInParallelAndWrittenInOrderWithProgress()
    {
        string[] buckets = Enumerable.Range(1, 6).Select(i => $"b{i}").ToArray();
        using var server = new RecordedHttpServer()
            .On("GET", IsListBuckets, ListBuckets(buckets))
            // b1's location answers last: later buckets are done before it and must wait for it to be written.
            .On("GET", RecordedS3.Sub("b1", "location"), _ =>
            {
                Thread.Sleep(700);
                return Xml($"<LocationConstraint xmlns=\"{Ns}\">eu-central-1</LocationConstraint>");
            });
        foreach (string bucket in buckets)
        {
            WithPosture(server, bucket).WithDefaults(bucket);
        }

        using S3Session session = RecordedS3.Open(server, S3Provider.Minio);
        var output = new CollectingOutput();
        await new BucketPostureReader(session).RunAsync(new BucketPostureRequest { ThrottleLimit = 3 }, output, CancellationToken.None);

        Assert.Equal(buckets, output.OfType<S3AuditBucket>().Select(r => r.BucketName));
        // Three buckets at once: b1, b2 and b3 all start before b4, which starts only when one of them has sent its last read.
        List<string> paths = server.Received.Select(r => r.PathAndQuery).ToList();
        int firstB4 = paths.FindIndex(p => p.StartsWith("/b4", StringComparison.Ordinal));
        Assert.All(new[] { "/b1", "/b2", "/b3" }, b => Assert.Contains(paths.Take(firstB4), p => p.StartsWith(b, StringComparison.Ordinal)));
        Assert.Contains(paths.Take(firstB4), p => p.Contains("encryption"));
        Assert.Equal(new[] { "1 of 6 bucket(s) read", "2 of 6 bucket(s) read", "3 of 6 bucket(s) read", "4 of 6 bucket(s) read", "5 of 6 bucket(s) read", "6 of 6 bucket(s) read", "Done" },
            output.Progress.Select(p => p.Status));
        Assert.True(output.Progress.Last().Completed);
        Assert.Empty(output.Errors);
    }
}
