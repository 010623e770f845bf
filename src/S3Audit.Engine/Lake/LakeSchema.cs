using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// The one place that maps <see cref="S3AuditLogEntry"/> to the lake's columns and partitions. The Parquet writer,
    /// the table definitions of every engine and the tests all read it; a new entry property is added here, once.
    /// Column names never change meaning: queries and tables outlive module versions.
    /// </summary>
    public static class LakeSchema
    {
        /// <summary>The schema version written into the manifest and each file's metadata.</summary>
        public const int Version = 1;

        /// <summary>The column holding the masked raw record, written only when asked for.</summary>
        public const string RawColumn = "raw";

        private static readonly LakeColumn[] Data =
        {
            LakeColumn.Time("time", nameof(S3AuditLogEntry.Time), "When the request was logged (UTC, microseconds)", e => e.Time.UtcDateTime),
            LakeColumn.Text("operation", nameof(S3AuditLogEntry.Operation), "S3 API action (GetObject, PutObject ...) or the raw operation", e => e.Operation),
            LakeColumn.Text("raw_operation", nameof(S3AuditLogEntry.RawOperation), "The operation as logged (REST.GET.OBJECT, get_obj, s3:GetObject ...)", e => e.RawOperation),
            LakeColumn.Text("bucket_name", nameof(S3AuditLogEntry.BucketName), "The bucket", e => e.BucketName),
            LakeColumn.Text("key", nameof(S3AuditLogEntry.Key), "The object key, URL-decoded once; NULL when none", e => e.Key),
            LakeColumn.Text("requester", nameof(S3AuditLogEntry.Requester), "Who made the request; anonymous for unsigned requests, NULL when the log names nobody", e => e.Requester),
            LakeColumn.Text("access_key_id", nameof(S3AuditLogEntry.AccessKeyId), "The access key id used, where logged", e => e.AccessKeyId),
            LakeColumn.Text("remote_ip", nameof(S3AuditLogEntry.RemoteIp), "The client address", e => e.RemoteIp),
            LakeColumn.Int32("http_status", nameof(S3AuditLogEntry.HttpStatus), "The HTTP status; 0 when the log has none", e => e.HttpStatus),
            LakeColumn.Text("error_code", nameof(S3AuditLogEntry.ErrorCode), "The error code; NULL on success", e => e.ErrorCode),
            LakeColumn.Int64("bytes_sent", nameof(S3AuditLogEntry.BytesSent), "Response bytes sent", e => e.BytesSent),
            LakeColumn.Int64("object_size", nameof(S3AuditLogEntry.ObjectSize), "The object size, where logged", e => e.ObjectSize),
            LakeColumn.Double("total_time_ms", nameof(S3AuditLogEntry.TotalTimeMs), "Server-side time in milliseconds", e => e.TotalTimeMs),
            LakeColumn.Text("user_agent", nameof(S3AuditLogEntry.UserAgent), "The client's User-Agent", e => e.UserAgent),
            LakeColumn.Text("request_id", nameof(S3AuditLogEntry.RequestId), "The request id (joins access logs and CloudTrail)", e => e.RequestId),
            LakeColumn.Text("source_file", nameof(S3AuditLogEntry.SourceFile), "The log file or s3:// object the entry was read from", e => e.SourceFile),
            LakeColumn.Int64("line_number", nameof(S3AuditLogEntry.LineNumber), "The 1-based line the record starts on", e => e.LineNumber),
        };

        private static readonly LakeColumn Raw =
            LakeColumn.Text(RawColumn, nameof(S3AuditLogEntry.Raw), "The raw record, secrets masked (only with -IncludeRawRecords)", e => e.Raw);

        private static readonly Dictionary<S3AuditLogFormat, string> SourceValues = new Dictionary<S3AuditLogFormat, string>
        {
            [S3AuditLogFormat.AwsAccessLog] = "aws_access_log",
            [S3AuditLogFormat.LyveS3Audit] = "lyve_s3_audit",
            [S3AuditLogFormat.MinioAudit] = "minio_audit",
            [S3AuditLogFormat.LyveAccountApi] = "lyve_account_api",
            [S3AuditLogFormat.LyveConsole] = "lyve_console",
            [S3AuditLogFormat.CloudTrail] = "cloudtrail",
            [S3AuditLogFormat.CephOpsLog] = "ceph_ops_log",
            [S3AuditLogFormat.ExoscaleDataEvents] = "exoscale_data_events",
        };

        /// <summary>
        /// The partition columns, in path order: source (the log format), year, month, day (of each entry's own time, UTC).
        /// Not stored in the files: engines read them from the folder names.
        /// </summary>
        public static IReadOnlyList<LakeColumn> PartitionColumns { get; } = new[]
        {
            LakeColumn.Text("source", nameof(S3AuditLogEntry.Source), "The log format (aws_access_log, cloudtrail, ...)", e => SourceValue(e.Source)),
            LakeColumn.Int32("year", nameof(S3AuditLogEntry.Time), "Year of time (UTC)", e => e.Time.UtcDateTime.Year),
            LakeColumn.Int32("month", nameof(S3AuditLogEntry.Time), "Month of time (UTC)", e => e.Time.UtcDateTime.Month),
            LakeColumn.Int32("day", nameof(S3AuditLogEntry.Time), "Day of month of time (UTC)", e => e.Time.UtcDateTime.Day),
        };

        /// <summary>The data columns in file order; <see cref="RawColumn"/> last when <paramref name="includeRaw"/>.</summary>
        public static IReadOnlyList<LakeColumn> Columns(bool includeRaw) => includeRaw ? Data.Concat(new[] { Raw }).ToArray() : Data;

        /// <summary>Every partition value of the source column, in enum order.</summary>
        public static IEnumerable<string> SourceValuesInOrder => SourceValues.OrderBy(p => p.Key).Select(p => p.Value);

        /// <summary>The partition value of a log format (lowercase snake_case).</summary>
        public static string SourceValue(S3AuditLogFormat format) =>
            SourceValues.TryGetValue(format, out string? value) ? value : "unknown";

        /// <summary>The log format of a partition value; null when unknown.</summary>
        public static S3AuditLogFormat? FormatOf(string sourceValue) =>
            SourceValues.Where(p => p.Value == sourceValue).Select(p => (S3AuditLogFormat?)p.Key).FirstOrDefault();
    }
}
