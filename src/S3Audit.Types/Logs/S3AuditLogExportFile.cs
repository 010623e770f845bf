using System;

namespace S3Audit
{
    /// <summary>
    /// One Parquet file Export-S3AuditLog wrote (committed) into the log lake. Flat for Export-Csv.
    /// </summary>
    public sealed class S3AuditLogExportFile
    {
        /// <summary>The file: a local path, or s3://bucket/key.</summary>
        public string Path { get; set; } = string.Empty;
        /// <summary>The Hive partition, e.g. source=aws_access_log/year=2026/month=11/day=20.</summary>
        public string Partition { get; set; } = string.Empty;
        /// <summary>The log format of the entries (the partition's source).</summary>
        public S3AuditLogFormat Source { get; set; }
        /// <summary>Entries (rows) in the file.</summary>
        public long Rows { get; set; }
        /// <summary>The file size in bytes.</summary>
        public long Bytes { get; set; }
        /// <summary>Row groups in the file.</summary>
        public int RowGroups { get; set; }
        /// <summary>The earliest entry time (UTC).</summary>
        public DateTimeOffset FirstTime { get; set; }
        /// <summary>The latest entry time (UTC).</summary>
        public DateTimeOffset LastTime { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{Path}: {Rows} rows, {Bytes} bytes";
    }
}
