namespace S3Audit
{
    /// <summary>The compression codec of the Parquet files Export-S3AuditLog writes.</summary>
    public enum S3AuditLogCompression
    {
        /// <summary>Zstandard: the smallest files; read by Athena, Trino, Spark and DuckDB.</summary>
        Zstd,
        /// <summary>Snappy: faster, larger files; every Parquet reader's default.</summary>
        Snappy,
        /// <summary>Gzip: for old readers that know neither of the others.</summary>
        Gzip,
        /// <summary>No compression.</summary>
        None,
    }
}
