using System;

namespace S3Audit
{
    /// <summary>
    /// One request from any supported audit log, normalized. Emitted by Get-S3AuditLogEntry; the properties are the
    /// Export-Csv columns. Never holds an Authorization header, a signature, a session token or a secret.
    /// </summary>
    public sealed class S3AuditLogEntry
    {
        /// <summary>When the request was logged, UTC (fractions beyond 100 ns truncated).</summary>
        public DateTimeOffset Time { get; set; }
        /// <summary>The log format the entry came from.</summary>
        public S3AuditLogFormat Source { get; set; }
        /// <summary>The S3 API action name (GetObject, PutObject, ListObjects ...) where determinable, otherwise the raw operation.</summary>
        public string Operation { get; set; } = string.Empty;
        /// <summary>The operation as logged (REST.GET.OBJECT, get_obj, s3:GetObject ...).</summary>
        public string RawOperation { get; set; } = string.Empty;
        /// <summary>The bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The object key, URL-decoded once; empty when none.</summary>
        public string Key { get; set; } = string.Empty;
        /// <summary>Who made the request (AWS requester, CloudTrail ARN, MinIO parentUser/accessKey, Lyve service account); empty for anonymous.</summary>
        public string Requester { get; set; } = string.Empty;
        /// <summary>The access key id used, where the log says.</summary>
        public string AccessKeyId { get; set; } = string.Empty;
        /// <summary>The client address.</summary>
        public string RemoteIp { get; set; } = string.Empty;
        /// <summary>The HTTP status; 0 when the log has none.</summary>
        public int HttpStatus { get; set; }
        /// <summary>The error code; empty on success.</summary>
        public string ErrorCode { get; set; } = string.Empty;
        /// <summary>Response bytes sent.</summary>
        public long BytesSent { get; set; }
        /// <summary>The object size, where logged.</summary>
        public long ObjectSize { get; set; }
        /// <summary>Server-side time in milliseconds.</summary>
        public double TotalTimeMs { get; set; }
        /// <summary>The client's User-Agent.</summary>
        public string UserAgent { get; set; } = string.Empty;
        /// <summary>The request id (joins access logs and CloudTrail).</summary>
        public string RequestId { get; set; } = string.Empty;
        /// <summary>The file or S3 object the entry was read from.</summary>
        public string SourceFile { get; set; } = string.Empty;
        /// <summary>The 1-based line the record starts on.</summary>
        public long LineNumber { get; set; }
        /// <summary>The raw record with secrets masked; only with -IncludeRaw.</summary>
        public string Raw { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => $"{Time:u} {Operation} {BucketName}/{Key} {HttpStatus}";
    }
}
