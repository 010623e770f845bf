using S3Audit.Engine.Posture;

namespace S3Audit.Engine.Tests.Posture;

public class BucketChecksTests
{
    private static S3AuditBucket Good() => new()
    {
        BucketName = "b", Provider = S3Provider.Aws, Versioning = "Enabled", MfaDelete = "Disabled", ObjectLockEnabled = "Enabled", DefaultRetentionMode = "COMPLIANCE",
        Encryption = "SSE-KMS", LoggingEnabled = "True", BlockPublicAcls = "True", IgnorePublicAcls = "True", BlockPublicPolicy = "True", RestrictPublicBuckets = "True",
        ObjectOwnership = "BucketOwnerEnforced", HasPolicy = "True", SecureTransportEnforced = "True", WebsiteEnabled = "False", Exposure = S3ExposureLevel.NotPublic,
    };

    private static IEnumerable<string> Ids(S3AuditBucket row, bool kms = true, bool objectLock = true) =>
        BucketChecks.Evaluate(row, new BucketPostureRequest { RequireKms = kms, RequireObjectLock = objectLock }, "reasons").Select(f => f.CheckId);

    [Fact]
    public void AWellConfiguredBucketHasNoFinding()
    {
        Assert.Empty(Ids(Good()));
    }

    [Theory]
    [InlineData(nameof(S3AuditBucket.Exposure), "Public", "PublicExposure", "Critical")]
    [InlineData(nameof(S3AuditBucket.Exposure), "Latent", "LatentExposure", "Medium")]
    [InlineData(nameof(S3AuditBucket.Exposure), "Unknown", "PublicExposure", "Unknown")]
    [InlineData(nameof(S3AuditBucket.Encryption), "None", "NoDefaultEncryption", "Medium")]
    [InlineData(nameof(S3AuditBucket.Encryption), "SSE-S3", "KmsRequired", "Medium")]
    [InlineData(nameof(S3AuditBucket.Versioning), "Suspended", "VersioningOff", "Medium")]
    [InlineData(nameof(S3AuditBucket.ObjectLockEnabled), "Disabled", "ObjectLockOff", "High")]
    [InlineData(nameof(S3AuditBucket.DefaultRetentionMode), "None", "ObjectLockOff", "Medium")]
    [InlineData(nameof(S3AuditBucket.LoggingEnabled), "False", "LoggingOff", "Medium")]
    [InlineData(nameof(S3AuditBucket.RestrictPublicBuckets), "False", "BlockPublicAccessIncomplete", "High")]
    [InlineData(nameof(S3AuditBucket.BlockPublicAcls), "Unknown", "BlockPublicAccessIncomplete", "Unknown")]
    [InlineData(nameof(S3AuditBucket.ObjectOwnership), "BucketOwnerPreferred", "AclsInForce", "Medium")]
    [InlineData(nameof(S3AuditBucket.SecureTransportEnforced), "False", "NoSecureTransportPolicy", "Medium")]
    [InlineData(nameof(S3AuditBucket.Versioning), "Unknown", "VersioningOff", "Unknown")]
    [InlineData(nameof(S3AuditBucket.Encryption), "Unknown", "NoDefaultEncryption", "Unknown")]
    [InlineData(nameof(S3AuditBucket.LoggingEnabled), "Unknown", "LoggingOff", "Unknown")]
    public void EachCheckFiresOnItsOwnColumn(string column, string value, string checkId, string severity)
    {
        S3AuditBucket row = Good();
        var property = typeof(S3AuditBucket).GetProperty(column)!;
        property.SetValue(row, property.PropertyType == typeof(S3ExposureLevel) ? Enum.Parse<S3ExposureLevel>(value) : value);
        row.Unreadable = $"{column}: access denied";

        var finding = Assert.Single(BucketChecks.Evaluate(row, new BucketPostureRequest { RequireKms = checkId == "KmsRequired", RequireObjectLock = true }, "reasons"));
        Assert.Equal((checkId, severity), (finding.CheckId, finding.Severity));
        Assert.NotEmpty(finding.Title);
        Assert.NotEmpty(finding.Remediation);
        if (severity == "Unknown" && column != nameof(S3AuditBucket.Exposure) && column != nameof(S3AuditBucket.BlockPublicAcls))
        {
            Assert.Contains("access denied", finding.Detail);
        }
    }

    [Fact]
    public void KmsAndObjectLockAreOnlyRequiredWhenAsked()
    {
        S3AuditBucket row = Good();
        row.Encryption = "SSE-S3";
        row.ObjectLockEnabled = "Disabled";
        Assert.Empty(Ids(row, kms: false, objectLock: false));
        Assert.Equal(new[] { "KmsRequired", "ObjectLockOff" }, Ids(row).OrderBy(i => i));
    }

    [Fact]
    public void NotSupportedGivesNoFindingExceptForARequiredObjectLock()
    {
        S3AuditBucket row = Good();
        row.Provider = S3Provider.Minio;
        row.LoggingEnabled = row.BlockPublicAcls = row.IgnorePublicAcls = row.BlockPublicPolicy = row.RestrictPublicBuckets = row.ObjectOwnership = "NotSupported";
        Assert.Empty(Ids(row));
        row.ObjectLockEnabled = "NotSupported";
        Assert.Equal(new[] { "ObjectLockOff" }, Ids(row));
    }

    [Fact]
    public void ExoscaleWithoutAccessLoggingIsUnknownAndNamesTheGatewayAndDataEvents()
    {
        S3AuditBucket row = Good();
        row.Provider = S3Provider.Exoscale;
        row.LoggingEnabled = row.BlockPublicAcls = row.IgnorePublicAcls = row.BlockPublicPolicy = row.RestrictPublicBuckets = row.ObjectOwnership = "NotSupported";
        S3AuditBucketFinding finding = Assert.Single(BucketChecks.Evaluate(row, new BucketPostureRequest(), "r"));
        Assert.Equal(("ServerAccessLoggingNotSupported", "Unknown"), (finding.CheckId, finding.Severity));
        Assert.Contains("Start-S3AuditProxy", finding.Remediation);
        Assert.Contains("data events", finding.Remediation);
        Assert.Contains("Get-S3AuditLogEntry", finding.Remediation);
    }

    [Fact]
    public void PrecursorIdsAreGivenWhereTheyExist()
    {
        S3AuditBucket row = Good();
        row.SecureTransportEnforced = "False";
        row.LoggingEnabled = "False";
        var findings = BucketChecks.Evaluate(row, new BucketPostureRequest(), "r");
        Assert.Contains(findings, f => f.CheckId == "NoSecureTransportPolicy" && f.ProwlerCheckId == "s3_bucket_secure_transport_policy" && f.ScoutSuiteCheckId == "s3-bucket-allowing-cleartext");
        Assert.Contains(findings, f => f.CheckId == "LoggingOff" && f.ProwlerCheckId == "s3_bucket_server_access_logging_enabled" && f.ScoutSuiteCheckId == "s3-bucket-no-logging");
    }
}
