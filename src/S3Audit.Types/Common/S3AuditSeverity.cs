namespace S3Audit
{
    /// <summary>How urgent a finding is; a row's severity is that of its worst finding.</summary>
    public enum S3AuditSeverity
    {
        /// <summary>No finding.</summary>
        None,
        /// <summary>Hygiene: worth a look.</summary>
        Low,
        /// <summary>Should be fixed.</summary>
        Medium,
        /// <summary>Fix soon: broad access or missing protection.</summary>
        High,
        /// <summary>Fix now: root keys, administrator access, anyone can assume.</summary>
        Critical,
    }
}
