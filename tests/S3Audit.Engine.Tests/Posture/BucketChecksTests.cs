using S3Audit.Engine.Posture;

namespace S3Audit.Engine.Tests.Posture;

public class BucketChecksTests
{
    private static S3AuditBucket Good() => new()
    {
        BucketName = "b", Provider = S3Provider.Aws, Versioning = "Enabled", MfaDelete = false, ObjectLockEnabled = true, DefaultRetentionMode = "COMPLIANCE",
        Encryption = "SSE-KMS", LoggingEnabled = true, BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true,
        ObjectOwnership = "BucketOwnerEnforced", HasPolicy = true, SecureTransportEnforced = true, WebsiteEnabled = false, Exposure = S3ExposureLevel.NotPublic,
    };

    private static S3ExposureResult Verdict(S3AuditBucket row, bool publicWrite = false) =>
        new() { BucketName = row.BucketName, Exposure = row.Exposure, PublicRead = row.Exposure == S3ExposureLevel.Public, PublicWrite = publicWrite, Reasons = "reasons" };

    private static IEnumerable<string> Ids(S3AuditBucket row, bool kms = true, bool objectLock = true) =>
        BucketChecks.Evaluate(row, new BucketPostureRequest { RequireKms = kms, RequireObjectLock = objectLock }, Verdict(row)).Select(f => f.CheckId);

    [Fact]
    public void AWellConfiguredBucketHasNoFinding()
    {
        Assert.Empty(Ids(Good()));
    }

    [Theory]
    [InlineData(nameof(S3AuditBucket.Exposure), "Public", "PublicExposure", "High")]
    [InlineData(nameof(S3AuditBucket.Exposure), "Latent", "LatentExposure", "Medium")]
    [InlineData(nameof(S3AuditBucket.Exposure), "Unknown", "PublicExposure", "High", "Unknown")]
    [InlineData(nameof(S3AuditBucket.Encryption), "None", "NoDefaultEncryption", "Medium")]
    [InlineData(nameof(S3AuditBucket.Encryption), "SSE-S3", "KmsRequired", "Medium")]
    [InlineData(nameof(S3AuditBucket.Versioning), "Suspended", "VersioningOff", "Medium")]
    [InlineData(nameof(S3AuditBucket.ObjectLockEnabled), "False", "ObjectLockOff", "High")]
    [InlineData(nameof(S3AuditBucket.DefaultRetentionMode), "None", "ObjectLockNoDefaultRetention", "Medium")]
    [InlineData(nameof(S3AuditBucket.LoggingEnabled), "False", "LoggingOff", "Medium")]
    [InlineData(nameof(S3AuditBucket.RestrictPublicBuckets), "False", "BlockPublicAccessIncomplete", "High")]
    [InlineData(nameof(S3AuditBucket.BlockPublicAcls), null, "BlockPublicAccessIncomplete", "High", "Unknown")]
    [InlineData(nameof(S3AuditBucket.ObjectOwnership), "BucketOwnerPreferred", "AclsInForce", "Medium")]
    [InlineData(nameof(S3AuditBucket.SecureTransportEnforced), "False", "NoSecureTransportPolicy", "Medium")]
    [InlineData(nameof(S3AuditBucket.Versioning), "Unknown", "VersioningOff", "Medium", "Unknown")]
    [InlineData(nameof(S3AuditBucket.Encryption), "Unknown", "NoDefaultEncryption", "Medium", "Unknown")]
    [InlineData(nameof(S3AuditBucket.LoggingEnabled), null, "LoggingOff", "Medium", "Unknown")]
    [InlineData(nameof(S3AuditBucket.ObjectLockEnabled), null, "ObjectLockOff", "High", "Unknown")]
    [InlineData(nameof(S3AuditBucket.SecureTransportEnforced), null, "NoSecureTransportPolicy", "Medium", "Unknown")]
    public void EachCheckFiresOnItsOwnColumnWithItsOneSeverity(string column, string? value, string checkId, string severity, string result = "Fail")
    {
        S3AuditBucket row = Good();
        var property = typeof(S3AuditBucket).GetProperty(column)!;
        property.SetValue(row, property.PropertyType == typeof(S3ExposureLevel) ? Enum.Parse<S3ExposureLevel>(value!)
            : property.PropertyType == typeof(bool?) ? (value == null ? null : bool.Parse(value)) : value);
        row.Unreadable = $"{column}: access denied";

        var finding = Assert.Single(BucketChecks.Evaluate(row, new BucketPostureRequest { RequireKms = checkId == "KmsRequired", RequireObjectLock = true }, Verdict(row)));
        Assert.Equal((checkId, Enum.Parse<S3AuditSeverity>(severity), Enum.Parse<S3AuditResult>(result)), (finding.CheckId, finding.Severity, finding.Result));
        Assert.NotEmpty(finding.Title);
        Assert.NotEmpty(finding.Remediation);
        if (result == "Unknown" && column != nameof(S3AuditBucket.Exposure) && column != nameof(S3AuditBucket.BlockPublicAcls))
        {
            Assert.Contains("access denied", finding.Detail);
        }
    }

    [Theory]
    [InlineData(false, S3AuditSeverity.High)]
    [InlineData(true, S3AuditSeverity.Critical)]
    public void PublicExposureHasTheSeverityTestS3PublicExposureGivesItsWorstCause(bool publicWrite, S3AuditSeverity expected)
    {
        S3AuditBucket row = Good();
        row.Exposure = S3ExposureLevel.Public;
        var finding = Assert.Single(BucketChecks.Evaluate(row, new BucketPostureRequest(), Verdict(row, publicWrite)));
        Assert.Equal(("PublicExposure", expected, S3AuditResult.Fail), (finding.CheckId, finding.Severity, finding.Result));
    }

    [Fact]
    public void KmsAndObjectLockAreOnlyRequiredWhenAsked()
    {
        S3AuditBucket row = Good();
        row.Encryption = "SSE-S3";
        row.ObjectLockEnabled = false;
        Assert.Empty(Ids(row, kms: false, objectLock: false));
        Assert.Equal(new[] { "KmsRequired", "ObjectLockOff" }, Ids(row).OrderBy(i => i));
    }

    [Fact]
    public void NotSupportedGivesNoFindingExceptForARequiredObjectLock()
    {
        S3AuditBucket row = Good();
        row.Provider = S3Provider.Minio;
        row.LoggingEnabled = row.BlockPublicAcls = row.IgnorePublicAcls = row.BlockPublicPolicy = row.RestrictPublicBuckets = false;
        row.ObjectOwnership = "NotSupported";
        row.UnsupportedSettings = "LoggingEnabled, BlockPublicAccess, ObjectOwnership";
        Assert.Empty(Ids(row));
        row.ObjectLockEnabled = false;
        row.UnsupportedSettings += ", ObjectLockEnabled";
        Assert.Equal(new[] { "ObjectLockOff" }, Ids(row));
    }

    [Fact]
    public void BlockPublicAccessNamesTheFlagsThatAreOffAndUnknown()
    {
        S3AuditBucket row = Good();
        row.IgnorePublicAcls = false;
        row.BlockPublicPolicy = null;
        var finding = Assert.Single(BucketChecks.Evaluate(row, new BucketPostureRequest(), Verdict(row)));
        Assert.Equal((S3AuditResult.Fail, "Off: IgnorePublicAcls; unknown: BlockPublicPolicy ()."), (finding.Result, finding.Detail));
    }

    [Fact]
    public void ExoscaleWithoutAccessLoggingIsUnknownAndNamesTheGatewayAndDataEvents()
    {
        S3AuditBucket row = Good();
        row.Provider = S3Provider.Exoscale;
        row.LoggingEnabled = row.BlockPublicAcls = row.IgnorePublicAcls = row.BlockPublicPolicy = row.RestrictPublicBuckets = false;
        row.ObjectOwnership = "NotSupported";
        row.UnsupportedSettings = "LoggingEnabled, BlockPublicAccess, ObjectOwnership";
        S3AuditBucketFinding finding = Assert.Single(BucketChecks.Evaluate(row, new BucketPostureRequest(), Verdict(row)));
        Assert.Equal(("ServerAccessLoggingNotSupported", S3AuditResult.Unknown, S3AuditSeverity.Medium), (finding.CheckId, finding.Result, finding.Severity));
        Assert.Contains("Start-S3AuditProxy", finding.Remediation);
        Assert.Contains("data events", finding.Remediation);
        Assert.Contains("Get-S3AuditLogEntry", finding.Remediation);
    }

    [Fact]
    public void PrecursorIdsAreGivenWhereTheyExist()
    {
        S3AuditBucket row = Good();
        row.SecureTransportEnforced = false;
        row.LoggingEnabled = false;
        var findings = BucketChecks.Evaluate(row, new BucketPostureRequest(), Verdict(row));
        Assert.Contains(findings, f => f.CheckId == "NoSecureTransportPolicy" && f.ProwlerCheckId == "s3_bucket_secure_transport_policy" && f.ScoutSuiteCheckId == "s3-bucket-allowing-cleartext");
        Assert.Contains(findings, f => f.CheckId == "LoggingOff" && f.ProwlerCheckId == "s3_bucket_server_access_logging_enabled" && f.ScoutSuiteCheckId == "s3-bucket-no-logging");
    }
}
