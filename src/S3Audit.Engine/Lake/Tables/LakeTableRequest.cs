namespace S3Audit.Engine.Lake.Tables
{
    /// <summary>What Get-S3AuditLogTable writes SQL for.</summary>
    public sealed class LakeTableRequest
    {
        /// <summary>The query engine.</summary>
        public S3AuditQueryEngine Engine { get; set; }
        /// <summary>The lake (or raw logs): s3://bucket/prefix/ or a local folder.</summary>
        public string Location { get; set; } = string.Empty;
        /// <summary>The table (or view) name, optionally qualified (schema.table; for Trino catalog.schema.table); null for the default.</summary>
        public string? TableName { get; set; }
        /// <summary>A raw log table instead of the exported lake.</summary>
        public S3AuditRawLogTable? Raw { get; set; }
        /// <summary>Add the standard questions as queries.</summary>
        public bool IncludeExamples { get; set; }
    }
}
