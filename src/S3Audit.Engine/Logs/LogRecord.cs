using System;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// One parsed record before it becomes an <see cref="S3AuditLogEntry"/>: parsers fill it, filters look at it,
    /// and only records that pass are copied into an entry. One instance is reused per file.
    /// </summary>
    internal sealed class LogRecord
    {
        public DateTimeOffset Time;
        public bool HasTime;
        public S3AuditLogFormat Source;
        /// <summary>The API name; each parser sets it, to the raw operation when it knows no name for it.</summary>
        public string Operation = string.Empty;
        public string RawOperation = string.Empty;
        public string BucketName = string.Empty;
        public string Key = string.Empty;
        public string Requester = string.Empty;
        public string AccessKeyId = string.Empty;
        public string RemoteIp = string.Empty;
        public int HttpStatus;
        public string ErrorCode = string.Empty;
        public long BytesSent;
        public long ObjectSize;
        public double TotalTimeMs;
        public string UserAgent = string.Empty;
        public string RequestId = string.Empty;
        public long LineNumber;

        public void Reset(S3AuditLogFormat source)
        {
            Time = default;
            HasTime = false;
            Source = source;
            Operation = RawOperation = BucketName = Key = Requester = AccessKeyId = RemoteIp = ErrorCode = UserAgent = RequestId = string.Empty;
            HttpStatus = 0;
            BytesSent = ObjectSize = 0;
            TotalTimeMs = 0;
        }

        /// <summary>True for HTTP 4xx/5xx or a logged error code.</summary>
        public bool IsError => HttpStatus >= 400 || ErrorCode.Length > 0;

        public S3AuditLogEntry ToEntry(string sourceFile, string? raw) => new S3AuditLogEntry
        {
            Time = Time,
            Source = Source,
            Operation = Operation,
            RawOperation = RawOperation,
            BucketName = BucketName,
            Key = Key,
            Requester = Requester,
            AccessKeyId = AccessKeyId,
            RemoteIp = RemoteIp,
            HttpStatus = HttpStatus,
            ErrorCode = ErrorCode,
            BytesSent = BytesSent,
            ObjectSize = ObjectSize,
            TotalTimeMs = TotalTimeMs,
            UserAgent = UserAgent,
            RequestId = RequestId,
            SourceFile = sourceFile,
            LineNumber = LineNumber,
            Raw = raw ?? string.Empty,
        };
    }
}
