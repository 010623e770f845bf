namespace S3Audit
{
    /// <summary>What a finding (S3AuditFinding, S3AuditBucketFinding) says about the thing checked.</summary>
    public enum S3AuditResult
    {
        /// <summary>The check found a problem.</summary>
        Fail,
        /// <summary>
        /// The check could not decide (access denied, not available in this build, provider cannot say). Never a pass:
        /// the finding keeps its rule's severity (see <see cref="S3AuditSeverity"/>).
        /// </summary>
        Unknown,
    }
}
