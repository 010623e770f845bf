namespace S3Audit
{
    /// <summary>A raw (not exported) log format Get-S3AuditLogTable can write a table for.</summary>
    public enum S3AuditRawLogTable
    {
        /// <summary>AWS S3 server access logs as delivered (text, RegexSerDe).</summary>
        AwsAccessLog,
    }
}
