namespace S3Audit.Engine.Posture
{
    /// <summary>Versioning status and MFA delete.</summary>
    public sealed class VersioningSetting
    {
        internal VersioningSetting(string status, string mfaDelete)
        {
            Status = status;
            MfaDelete = mfaDelete;
        }

        /// <summary>Enabled, Suspended or Off.</summary>
        public string Status { get; }
        /// <summary>Enabled or Disabled.</summary>
        public string MfaDelete { get; }
    }

    /// <summary>Object lock and its default retention.</summary>
    public sealed class ObjectLockSetting
    {
        internal ObjectLockSetting(bool enabled, string mode, int? days, int? years)
        {
            Enabled = enabled;
            Mode = mode;
            Days = days;
            Years = years;
        }

        /// <summary>Object lock is enabled on the bucket.</summary>
        public bool Enabled { get; }
        /// <summary>GOVERNANCE, COMPLIANCE or None.</summary>
        public string Mode { get; }
        /// <summary>Default retention days.</summary>
        public int? Days { get; }
        /// <summary>Default retention years.</summary>
        public int? Years { get; }
    }

    /// <summary>Default encryption.</summary>
    public sealed class EncryptionSetting
    {
        internal EncryptionSetting(string kind, string kmsKeyId, bool? bucketKeyEnabled)
        {
            Kind = kind;
            KmsKeyId = kmsKeyId;
            BucketKeyEnabled = bucketKeyEnabled;
        }

        /// <summary>SSE-S3, SSE-KMS or DSSE-KMS (or the algorithm as sent when unrecognised).</summary>
        public string Kind { get; }
        /// <summary>The KMS key id, for KMS kinds.</summary>
        public string KmsKeyId { get; }
        /// <summary>S3 Bucket Keys, where the answer says.</summary>
        public bool? BucketKeyEnabled { get; }
    }

    /// <summary>Server access logging target.</summary>
    public sealed class LoggingSetting
    {
        internal LoggingSetting(string targetBucket, string targetPrefix)
        {
            TargetBucket = targetBucket;
            TargetPrefix = targetPrefix;
        }

        /// <summary>The target bucket.</summary>
        public string TargetBucket { get; }
        /// <summary>The key prefix in the target bucket.</summary>
        public string TargetPrefix { get; }
    }
}
