namespace S3Audit
{
    /// <summary>The query engine Get-S3AuditLogTable writes SQL for.</summary>
    public enum S3AuditQueryEngine
    {
        /// <summary>Amazon Athena (Hive DDL, partition projection).</summary>
        Athena,
        /// <summary>Trino's Hive connector.</summary>
        Trino,
        /// <summary>Apache Spark SQL.</summary>
        Spark,
        /// <summary>DuckDB.</summary>
        DuckDB,
    }
}
