using System;

namespace S3Audit
{
    /// <summary>
    /// One bucket's security posture, one flat row for Export-Csv: Get-S3AuditBucket's default output.
    /// </summary>
    /// <remarks>
    /// Yes/no settings are <c>bool?</c>: <c>true</c>, <c>false</c>, or <c>null</c> when the setting could not be read
    /// (the reason is in <see cref="Unreadable"/>). A setting the provider does not have is <c>false</c> (it cannot be
    /// on) and is named in <see cref="UnsupportedSettings"/>. Text settings say Unknown when unread and NotSupported
    /// when the provider lacks them. In PowerShell <c>-not $null</c> is true, so <c>Where-Object { -not $_.LoggingEnabled }</c>
    /// takes the buckets whose logging is off AND those whose logging could not be read (cmdlets such as
    /// Enable-S3AccessLogging read the setting again and report an unreadable bucket as an error); use
    /// <c>Where-Object LoggingEnabled -eq $false</c> for "known to be off" and <c>Where-Object LoggingEnabled -eq $null</c>
    /// for "could not be read".
    /// </remarks>
    public sealed class S3AuditBucket
    {
        /// <summary>The bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The provider.</summary>
        public S3Provider Provider { get; set; }
        /// <summary>The bucket's region as GetBucketLocation reports it (the same value every cmdlet gives the bucket), or Unknown.</summary>
        public string Region { get; set; } = string.Empty;
        /// <summary>When the bucket was created (ListBuckets); empty when it could not be listed.</summary>
        public DateTimeOffset? CreationDate { get; set; }
        /// <summary>Enabled, Suspended, Off, Unknown or NotSupported.</summary>
        public string Versioning { get; set; } = string.Empty;
        /// <summary>True when MFA delete is enabled; null when versioning could not be read.</summary>
        public bool? MfaDelete { get; set; }
        /// <summary>True when object lock is enabled; null when it could not be read.</summary>
        public bool? ObjectLockEnabled { get; set; }
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
        /// <summary>True when default encryption uses S3 Bucket Keys; null when encryption could not be read.</summary>
        public bool? BucketKeyEnabled { get; set; }
        /// <summary>True when server access logging is on; null when it could not be read.</summary>
        public bool? LoggingEnabled { get; set; }
        /// <summary>Target bucket and prefix of server access logging ("bucket/prefix").</summary>
        public string LoggingTarget { get; set; } = string.Empty;
        /// <summary>Effective (bucket and account combined): true when on at either level; null when a level could not be read.</summary>
        public bool? BlockPublicAcls { get; set; }
        /// <summary>Effective (bucket and account combined): true when on at either level; null when a level could not be read.</summary>
        public bool? IgnorePublicAcls { get; set; }
        /// <summary>Effective (bucket and account combined): true when on at either level; null when a level could not be read.</summary>
        public bool? BlockPublicPolicy { get; set; }
        /// <summary>Effective (bucket and account combined): true when on at either level; null when a level could not be read.</summary>
        public bool? RestrictPublicBuckets { get; set; }
        /// <summary>The flags per level, e.g. "Bucket: IgnorePublicAcls; Account: none".</summary>
        public string PublicAccessBlockDetail { get; set; } = string.Empty;
        /// <summary>BucketOwnerEnforced, BucketOwnerPreferred, ObjectWriter, Unknown or NotSupported.</summary>
        public string ObjectOwnership { get; set; } = string.Empty;
        /// <summary>True when the bucket has a policy; null when it could not be read.</summary>
        public bool? HasPolicy { get; set; }
        /// <summary>True when the policy denies requests with aws:SecureTransport false; null when the policy could not be read or parsed.</summary>
        public bool? SecureTransportEnforced { get; set; }
        /// <summary>True when static website hosting is on; null when it could not be read.</summary>
        public bool? WebsiteEnabled { get; set; }
        /// <summary>Public, Latent, NotPublic or Unknown (as Test-S3PublicExposure judges it).</summary>
        public S3ExposureLevel Exposure { get; set; }
        /// <summary>How many findings (-Detailed rows) the bucket has.</summary>
        public int FindingCount { get; set; }
        /// <summary>Each setting that could not be read, with the reason: "Versioning: access denied ... | ...".</summary>
        public string Unreadable { get; set; } = string.Empty;
        /// <summary>The settings the provider does not have, joined with ", " (their yes/no column is false, their text column NotSupported).</summary>
        public string UnsupportedSettings { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => $"{BucketName} {Exposure} ({FindingCount} findings)";
    }
}
