namespace S3Audit
{
    /// <summary>How serious a finding is, in increasing order, so <c>Where-Object Severity -ge High</c> works.</summary>
    public enum S3AuditSeverity
    {
        /// <summary>No finding (a row that is clean).</summary>
        None,
        /// <summary>Worth knowing; no action needed (also the severity of an Unknown result).</summary>
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
