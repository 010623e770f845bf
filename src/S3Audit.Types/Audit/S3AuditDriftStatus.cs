namespace S3Audit
{
    /// <summary>A finding compared with the baseline run (-BaselinePath). Without a baseline every finding is New.</summary>
    public enum S3AuditDriftStatus
    {
        /// <summary>Not in the baseline.</summary>
        New,
        /// <summary>In the baseline and still present.</summary>
        Unchanged,
        /// <summary>In the baseline, gone now: the target was fully audited and the finding no longer appears.</summary>
        Resolved,
        /// <summary>In the baseline, but its target could not be fully audited this time, so it was not re-checked.</summary>
        NotRechecked,
    }
}
