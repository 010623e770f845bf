namespace S3Audit
{
    /// <summary>One failed (or uncheckable) posture check of a bucket: Get-S3AuditBucket -Detailed writes one row per finding.</summary>
    public sealed class S3AuditBucketFinding
    {
        /// <summary>The bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>Stable check id, e.g. VersioningOff.</summary>
        public string CheckId { get; set; } = string.Empty;
        /// <summary>How serious the problem is: the rule's severity, also when <see cref="Result"/> is Unknown.</summary>
        public S3AuditSeverity Severity { get; set; }
        /// <summary>Fail, or Unknown when the setting could not be read and so the check could not be made.</summary>
        public S3AuditResult Result { get; set; }
        /// <summary>One line.</summary>
        public string Title { get; set; } = string.Empty;
        /// <summary>What was found.</summary>
        public string Detail { get; set; } = string.Empty;
        /// <summary>What to do.</summary>
        public string Remediation { get; set; } = string.Empty;
        /// <summary>The equivalent Prowler check id, where one exists.</summary>
        public string ProwlerCheckId { get; set; } = string.Empty;
        /// <summary>The equivalent ScoutSuite finding id, where one exists.</summary>
        public string ScoutSuiteCheckId { get; set; } = string.Empty;
        /// <summary>The provider.</summary>
        public S3Provider Provider { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{BucketName} {CheckId} {Severity} {Result}";
    }
}
