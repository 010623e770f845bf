using System;

namespace S3Audit
{
    /// <summary>
    /// The summary of one Export-S3AuditLog run: written to the information stream (tag S3AuditLogExportSummary).
    /// </summary>
    public sealed class S3AuditLogExportSummary
    {
        /// <summary>The lake: a local folder, or s3://bucket/prefix/.</summary>
        public string Destination { get; set; } = string.Empty;
        /// <summary>When the run started.</summary>
        public DateTimeOffset StartTime { get; set; }
        /// <summary>When the run ended.</summary>
        public DateTimeOffset EndTime { get; set; }
        /// <summary>Source log files or objects read in this run (new ones, and the new part of grown ones).</summary>
        public long SourcesRead { get; set; }
        /// <summary>Source log files or objects passed over because the manifest says they are already exported.</summary>
        public long SourcesSkipped { get; set; }
        /// <summary>Source log files or objects that failed (errors written); the next run tries them again.</summary>
        public long SourcesFailed { get; set; }
        /// <summary>Entries written (rows over all files).</summary>
        public long Rows { get; set; }
        /// <summary>Parquet files written.</summary>
        public int Files { get; set; }
        /// <summary>Bytes written.</summary>
        public long Bytes { get; set; }
        /// <summary>Distinct partitions written to.</summary>
        public int Partitions { get; set; }
        /// <summary>The earliest entry time written; null when nothing was written.</summary>
        public DateTimeOffset? FirstTime { get; set; }
        /// <summary>The latest entry time written; null when nothing was written.</summary>
        public DateTimeOffset? LastTime { get; set; }
        /// <summary>The manifest that records what is exported (a local path or s3:// URI); empty for pipeline input.</summary>
        public string Manifest { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() =>
            $"Export to {Destination}: {Rows} rows in {Files} file(s), {Bytes} bytes; sources read {SourcesRead}, skipped {SourcesSkipped}, failed {SourcesFailed}";
    }
}
