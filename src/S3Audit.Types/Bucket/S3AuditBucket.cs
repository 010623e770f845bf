using System;

namespace S3Audit
{
    /// <summary>
    /// One bucket's security posture, one flat row for Export-Csv: Get-S3AuditBucket's default output. Settings
    /// that could not be read say Unknown (with the reason in <see cref="Unreadable"/>); settings the provider
    /// lacks say NotSupported. Boolean-like columns hold True, False, Unknown or NotSupported.
    /// </summary>
    public sealed class S3AuditBucket
    {
        /// <summary>The bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The provider.</summary>
        public S3Provider Provider { get; set; }
        /// <summary>The bucket's region (GetBucketLocation), or Unknown.</summary>
        public string Region { get; set; } = string.Empty;
        /// <summary>When the bucket was created (ListBuckets); empty when it could not be listed.</summary>
        public DateTimeOffset? CreationDate { get; set; }
        /// <summary>Enabled, Suspended, Off, Unknown or NotSupported.</summary>
        public string Versioning { get; set; } = string.Empty;
        /// <summary>Enabled, Disabled, Unknown or NotSupported.</summary>
        public string MfaDelete { get; set; } = string.Empty;
        /// <summary>Enabled, Disabled, Unknown or NotSupported.</summary>
        public string ObjectLockEnabled { get; set; } = string.Empty;
        /// <summary>GOVERNANCE, COMPLIANCE, None, Unknown or NotSupported.</summary>
        public string DefaultRetentionMode { get; set; } = string.Empty;
        /// <summary>Default retention in days, when set in days.</summary>
        public int? DefaultRetentionDays { get; set; }
        /// <summary>Default retention in years, when set in years.</summary>
        public int? DefaultRetentionYears { get; set; }
        /// <summary>None, SSE-S3, SSE-KMS, DSSE-KMS, Unknown or NotSupported.</summary>
        public string Encryption { get; set; } = string.Empty;
        /// <summary>The KMS key of SSE-KMS / DSSE-KMS default encryption.</summary>
        public string KmsKeyId { get; set; } = string.Empty;
        /// <summary>True, False, Unknown or NotSupported.</summary>
        public string BucketKeyEnabled { get; set; } = string.Empty;
        /// <summary>True, False, Unknown or NotSupported.</summary>
        public string LoggingEnabled { get; set; } = string.Empty;
        /// <summary>Target bucket and prefix of server access logging ("bucket/prefix").</summary>
        public string LoggingTarget { get; set; } = string.Empty;
        /// <summary>Effective (bucket and account combined): True, False, Unknown or NotSupported.</summary>
        public string BlockPublicAcls { get; set; } = string.Empty;
        /// <summary>Effective (bucket and account combined): True, False, Unknown or NotSupported.</summary>
        public string IgnorePublicAcls { get; set; } = string.Empty;
        /// <summary>Effective (bucket and account combined): True, False, Unknown or NotSupported.</summary>
        public string BlockPublicPolicy { get; set; } = string.Empty;
        /// <summary>Effective (bucket and account combined): True, False, Unknown or NotSupported.</summary>
        public string RestrictPublicBuckets { get; set; } = string.Empty;
        /// <summary>The flags per level, e.g. "Bucket: IgnorePublicAcls; Account: none".</summary>
        public string PublicAccessBlockDetail { get; set; } = string.Empty;
        /// <summary>BucketOwnerEnforced, BucketOwnerPreferred, ObjectWriter, Unknown or NotSupported.</summary>
        public string ObjectOwnership { get; set; } = string.Empty;
        /// <summary>True, False, Unknown or NotSupported.</summary>
        public string HasPolicy { get; set; } = string.Empty;
        /// <summary>True when the policy denies requests with aws:SecureTransport false; False, Unknown or NotSupported otherwise.</summary>
        public string SecureTransportEnforced { get; set; } = string.Empty;
        /// <summary>True, False, Unknown or NotSupported.</summary>
        public string WebsiteEnabled { get; set; } = string.Empty;
        /// <summary>Public, Latent, NotPublic or Unknown (as Test-S3PublicExposure judges it).</summary>
        public S3ExposureLevel Exposure { get; set; }
        /// <summary>How many findings (-Detailed rows) the bucket has.</summary>
        public int Findings { get; set; }
        /// <summary>Each setting that could not be read, with the reason: "Versioning: access denied ... | ...".</summary>
        public string Unreadable { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => $"{BucketName} {Exposure} ({Findings} findings)";
    }
}
