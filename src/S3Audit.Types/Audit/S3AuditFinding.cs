using System;

namespace S3Audit
{
    /// <summary>One finding of Invoke-S3Audit: a problem (Fail) or something that could not be decided (Unknown) on one bucket or target.</summary>
    public sealed class S3AuditFinding
    {
        /// <summary>The target's name in the configuration file.</summary>
        public string Target { get; set; } = string.Empty;
        /// <summary>The bucket; empty for a finding about the whole target.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The check that produced it: exposure, posture, logging, credentials or logAnomalies.</summary>
        public string Check { get; set; } = string.Empty;
        /// <summary>A stable rule id within the check, e.g. PublicAclRead. With Target, BucketName and Check it identifies the finding across runs.</summary>
        public string Rule { get; set; } = string.Empty;
        /// <summary>How serious it is.</summary>
        public S3AuditSeverity Severity { get; set; }
        /// <summary>Fail, or Unknown when the check could not decide.</summary>
        public S3AuditResult Result { get; set; }
        /// <summary>New, Unchanged, Resolved or NotRechecked compared with the baseline.</summary>
        public S3AuditDriftStatus Status { get; set; }
        /// <summary>What was found.</summary>
        public string Detail { get; set; } = string.Empty;
        /// <summary>What to do about it.</summary>
        public string Remediation { get; set; } = string.Empty;
        /// <summary>When the finding first appeared (the baseline's value when it was already there).</summary>
        public DateTimeOffset FirstSeen { get; set; }
        /// <summary>The target's provider.</summary>
        public S3Provider Provider { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{Target}/{BucketName} {Check}.{Rule} {Severity} {Result} {Status}";
    }
}
