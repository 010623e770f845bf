namespace S3Audit
{
    /// <summary>
    /// How serious a finding is, in increasing order, so <c>Where-Object Severity -ge High</c> and
    /// <c>Sort-Object Severity</c> work. The one severity type of every output type (S3AuditBucketFinding,
    /// S3ExposureFinding, S3AuditFinding, S3AuditCredential).
    /// </summary>
    /// <remarks>
    /// "Unknown" is not a severity: a check that could not be made is a finding whose verdict says so (Result
    /// <see cref="S3AuditResult.Unknown"/> on S3AuditFinding and S3AuditBucketFinding, Exposure Unknown on
    /// S3ExposureFinding). Such a finding keeps the severity its rule has when it fails, so a filter on severity never
    /// drops an undecided check; a finding about a whole check that could not run (CheckNotAvailable, CheckFailed ...)
    /// names no problem and is Info.
    /// </remarks>
    public enum S3AuditSeverity
    {
        /// <summary>No finding (a row that is clean).</summary>
        None,
        /// <summary>Worth knowing; no action needed (also an Unknown about a whole check, which names no problem).</summary>
        Info,
        /// <summary>Hygiene: worth a look.</summary>
        Low,
        /// <summary>Weakens the protection of the data: should be fixed.</summary>
        Medium,
        /// <summary>Data exposed or unprotected, broad access: act soon.</summary>
        High,
        /// <summary>Anyone can change or delete data, root keys, administrator access: act now.</summary>
        Critical,
    }
}
