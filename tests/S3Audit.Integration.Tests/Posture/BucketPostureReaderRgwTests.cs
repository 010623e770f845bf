using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Posture;

/// <summary>Get-S3AuditBucket's engine against Ceph RGW 20: encryption, object lock, versioning, logging, Block Public Access, policy.</summary>
public class BucketPostureReaderRgwTests
{
    private static async Task<(S3AuditBucket Row, IReadOnlyList<S3AuditBucketFinding> Findings, CollectingOutput Output)> ReadAsync(string bucket, BucketPostureRequest? request = null)
    {
        using S3Session session = RgwServer.OpenSession();
        request ??= new BucketPostureRequest();
        request.BucketNames = new List<string> { bucket };
        var rows = new CollectingOutput();
        await new BucketPostureReader(session).RunAsync(request, rows, CancellationToken.None);
        request.Detailed = true;
        var detailed = new CollectingOutput();
        await new BucketPostureReader(session).RunAsync(request, detailed, CancellationToken.None);
        return (Assert.Single(rows.OfType<S3AuditBucket>()), detailed.OfType<S3AuditBucketFinding>(), rows);
    }

    [Fact]
    public async Task ABareBucketHasEveryFindingAndNoUnknowns()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("pos-bare");
        await s3.PutBucketAsync(bucket);

        var (row, findings, output) = await ReadAsync(bucket, new BucketPostureRequest { RequireKms = true, RequireObjectLock = true });

        Assert.Empty(output.Errors);
        Assert.Equal((bucket, S3Provider.Ceph, "Off", (bool?)false, (bool?)false, "None", "None"), (row.BucketName, row.Provider, row.Versioning, row.MfaDelete, row.ObjectLockEnabled, row.DefaultRetentionMode, row.Encryption));
        Assert.Equal(((bool?)false, "", (bool?)false, (bool?)false, (bool?)false, (bool?)false), (row.LoggingEnabled, row.LoggingTarget, row.BlockPublicAcls, row.IgnorePublicAcls, row.BlockPublicPolicy, row.RestrictPublicBuckets));
        Assert.Equal(("NotSupported", (bool?)false, (bool?)false, (bool?)false, S3ExposureLevel.NotPublic, ""), (row.ObjectOwnership, row.HasPolicy, row.SecureTransportEnforced, row.WebsiteEnabled, row.Exposure, row.Unreadable));
        Assert.NotNull(row.CreationDate);
        Assert.NotEmpty(row.Region);
        Assert.Equal(new[] { "BlockPublicAccessIncomplete", "KmsRequired", "LoggingOff", "NoDefaultEncryption", "NoSecureTransportPolicy", "ObjectLockOff", "VersioningOff" },
            findings.Select(f => f.CheckId).OrderBy(c => c));
        Assert.Equal(row.FindingCount, findings.Count);
        Assert.Contains(findings, f => f.CheckId == "VersioningOff" && f.ProwlerCheckId == "s3_bucket_object_versioning" && f.ScoutSuiteCheckId == "s3-bucket-no-versioning" && f.Severity == S3AuditSeverity.Medium);
    }

    [Fact]
    public async Task KmsEncryptionObjectLockWithRetentionAndVersioningAreRead()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("pos-locked");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, ObjectLockEnabledForBucket = true });
        await s3.PutObjectLockConfigurationAsync(new PutObjectLockConfigurationRequest
        {
            BucketName = bucket,
            ObjectLockConfiguration = new ObjectLockConfiguration
            {
                ObjectLockEnabled = ObjectLockEnabled.Enabled,
                Rule = new ObjectLockRule { DefaultRetention = new DefaultRetention { Mode = ObjectLockRetentionMode.Compliance, Days = 30 } },
            },
        });
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = new List<ServerSideEncryptionRule>
                {
                    new() { ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = "testkey-1" } },
                },
            },
        });

        var (row, findings, output) = await ReadAsync(bucket, new BucketPostureRequest { RequireKms = true, RequireObjectLock = true });

        Assert.Empty(output.Errors);
        Assert.Equal(("Enabled", (bool?)true, "COMPLIANCE", (int?)30, (int?)null), (row.Versioning, row.ObjectLockEnabled, row.DefaultRetentionMode, row.DefaultRetentionDays, row.DefaultRetentionYears));
        Assert.Equal(("SSE-KMS", "testkey-1"), (row.Encryption, row.KmsKeyId));
        Assert.DoesNotContain(findings, f => f.CheckId is "KmsRequired" or "NoDefaultEncryption" or "ObjectLockOff" or "VersioningOff");
    }

    [Fact]
    public async Task SseS3IsAFindingOnlyWhenKmsIsRequiredAndSuspendedVersioningIsOne()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("pos-sses3");
        await s3.PutBucketAsync(bucket);
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = new List<ServerSideEncryptionRule> { new() { ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 } } },
            },
        });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = bucket, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = bucket, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Suspended } });

        var (plain, plainFindings, _) = await ReadAsync(bucket);
        Assert.Equal(("SSE-S3", "Suspended"), (plain.Encryption, plain.Versioning));
        Assert.DoesNotContain(plainFindings, f => f.CheckId is "KmsRequired" or "NoDefaultEncryption" or "ObjectLockOff");
        Assert.Contains(plainFindings, f => f.CheckId == "VersioningOff" && f.Detail.Contains("Suspended"));

        var (_, kmsFindings, _) = await ReadAsync(bucket, new BucketPostureRequest { RequireKms = true });
        Assert.Contains(kmsFindings, f => f.CheckId == "KmsRequired" && f.Detail.Contains("SSE-S3") && f.ProwlerCheckId == "s3_bucket_kms_encryption");
    }

    [Fact]
    public async Task LoggingBlockPublicAccessAndTheSecureTransportPolicyAreRead()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string source = RgwServer.UniqueBucket("pos-src");
        string target = RgwServer.UniqueBucket("pos-logs");
        await s3.PutBucketAsync(source);
        await s3.PutBucketAsync(target);
        await s3.PutBucketPolicyAsync(target, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::TARGET/logs/*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::SOURCE"},"StringEquals":{"aws:SourceAccount":"test"}}}]}""".Replace("TARGET", target).Replace("SOURCE", source));
        await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest { BucketName = source, LoggingConfig = new S3BucketLoggingConfig { TargetBucketName = target, TargetPrefix = "logs/" } });
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = source,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
        });
        await s3.PutBucketPolicyAsync(source, """{"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::SOURCE","arn:aws:s3:::SOURCE/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".Replace("SOURCE", source));

        var (row, findings, output) = await ReadAsync(source);

        Assert.Empty(output.Errors);
        Assert.Equal(((bool?)true, $"{target}/logs/"), (row.LoggingEnabled, row.LoggingTarget));
        Assert.Equal(((bool?)true, (bool?)true, (bool?)true, (bool?)true), (row.BlockPublicAcls, row.IgnorePublicAcls, row.BlockPublicPolicy, row.RestrictPublicBuckets));
        Assert.Contains("Account: not supported", row.PublicAccessBlockDetail);
        Assert.Equal(((bool?)true, (bool?)true), (row.HasPolicy, row.SecureTransportEnforced));
        Assert.DoesNotContain(findings, f => f.CheckId is "LoggingOff" or "BlockPublicAccessIncomplete" or "NoSecureTransportPolicy");

        // The log target's service-principal statement is not public.
        var (targetRow, _, _) = await ReadAsync(target);
        Assert.Equal((S3ExposureLevel.NotPublic, (bool?)true, (bool?)false), (targetRow.Exposure, targetRow.HasPolicy, targetRow.SecureTransportEnforced));
    }

    [Fact]
    public async Task AnUnreadableBucketIsUnknownColumnByColumnWithReasons()
    {
        using AmazonS3Client owner = RgwServer.RawClient();
        string foreign = RgwServer.UniqueBucket("pos-foreign");
        await owner.PutBucketAsync(foreign);

        using S3Session session = RgwServer.OpenSession(accountRoot: true);
        var output = new CollectingOutput();
        await new BucketPostureReader(session).RunAsync(new BucketPostureRequest { BucketNames = { foreign } }, output, CancellationToken.None);

        S3AuditBucket row = Assert.Single(output.OfType<S3AuditBucket>());
        Assert.Equal(("Unknown", "Unknown", (bool?)null, (bool?)null, (bool?)null, S3ExposureLevel.Unknown), (row.Versioning, row.Encryption, row.LoggingEnabled, row.HasPolicy, row.IgnorePublicAcls, row.Exposure));
        Assert.Contains("Versioning: GetBucketVersioning on bucket", row.Unreadable);
        Assert.Contains("access denied", row.Unreadable);
        Assert.Contains(output.Errors, e => e.ErrorId == "BucketAccessDenied");
    }
}
