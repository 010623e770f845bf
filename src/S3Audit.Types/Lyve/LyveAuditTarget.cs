using System;

namespace S3Audit
{
    /// <summary>A Lyve Cloud audit-log target bucket and whether it qualifies (Set-LyveAuditTarget, Get-LyveAuditTarget).</summary>
    public sealed class LyveAuditTarget
    {
        /// <summary>The target bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The S3 endpoint of the bucket.</summary>
        public string EndpointUrl { get; set; } = string.Empty;
        /// <summary>The region.</summary>
        public string Region { get; set; } = string.Empty;
        /// <summary>True when the bucket can hold Lyve audit logs: it exists, is reachable, has object lock with a default retention and versioning.</summary>
        public bool Eligible { get; set; }
        /// <summary>Why it is not eligible (or could not be checked), joined with "; "; empty when eligible.</summary>
        public string Reasons { get; set; } = string.Empty;
        /// <summary>False when the endpoint said the bucket does not exist.</summary>
        public bool Exists { get; set; }
        /// <summary>True when the bucket answered with these credentials.</summary>
        public bool Reachable { get; set; }
        /// <summary>True when object lock is enabled on the bucket; null when it could not be read (or the bucket not reached).</summary>
        public bool? ObjectLockEnabled { get; set; }
        /// <summary>GOVERNANCE or COMPLIANCE; empty without a default retention.</summary>
        public string RetentionMode { get; set; } = string.Empty;
        /// <summary>The default retention in days (years are converted at 365 days); 0 without a default retention.</summary>
        public int RetentionDays { get; set; }
        /// <summary>True when versioning is enabled; null when it could not be read (or the bucket not reached).</summary>
        public bool? VersioningEnabled { get; set; }
        /// <summary>The log kinds expected in the bucket, joined with ", ": S3, IAM, Console.</summary>
        public string LogKinds { get; set; } = string.Empty;
        /// <summary>True when the target is recorded in the per-user settings file.</summary>
        public bool Recorded { get; set; }
        /// <summary>When it was recorded; null when it is not.</summary>
        public DateTimeOffset? RecordedAt { get; set; }
        /// <summary>The settings file the target is recorded in.</summary>
        public string SettingsPath { get; set; } = string.Empty;
        /// <summary>What is left to do by hand: Lyve Cloud has no documented API for selecting the audit target.</summary>
        public string RemainingStep { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => $"{BucketName} Eligible={Eligible}";
    }
}
