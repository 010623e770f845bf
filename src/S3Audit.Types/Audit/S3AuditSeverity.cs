namespace S3Audit
{
    /// <summary>How serious a finding is, in increasing order, so <c>Where-Object Severity -ge High</c> works.</summary>
    public enum S3AuditSeverity
    {
        /// <summary>Worth knowing; no action needed.</summary>
        Info,
        /// <summary>Hygiene.</summary>
        Low,
        /// <summary>Weakens the protection of the data.</summary>
        Medium,
        /// <summary>Data exposed or unprotected: act soon.</summary>
        High,
        /// <summary>Anyone can change or delete data: act now.</summary>
        Critical,
    }
}
