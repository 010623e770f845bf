using System;

namespace S3Audit
{
    /// <summary>
    /// One group of Measure-S3AuditLog: the grouped dimensions (others empty) and the metrics. Flat for Export-Csv.
    /// </summary>
    public sealed class S3AuditLogSummary
    {
        /// <summary>The grouped values joined with ", " in -GroupBy order.</summary>
        public string Group { get; set; } = string.Empty;
        /// <summary>Grouped operation.</summary>
        public string Operation { get; set; } = string.Empty;
        /// <summary>Grouped requester.</summary>
        public string Requester { get; set; } = string.Empty;
        /// <summary>Grouped access key id.</summary>
        public string AccessKeyId { get; set; } = string.Empty;
        /// <summary>Grouped client address.</summary>
        public string RemoteIp { get; set; } = string.Empty;
        /// <summary>Grouped bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>Grouped key.</summary>
        public string Key { get; set; } = string.Empty;
        /// <summary>Grouped HTTP status; null when not grouped.</summary>
        public int? HttpStatus { get; set; }
        /// <summary>Grouped error code.</summary>
        public string ErrorCode { get; set; } = string.Empty;
        /// <summary>Grouped User-Agent.</summary>
        public string UserAgent { get; set; } = string.Empty;
        /// <summary>Grouped hour (UTC, start of the hour); null when not grouped.</summary>
        public DateTimeOffset? Hour { get; set; }
        /// <summary>Grouped day (UTC); null when not grouped.</summary>
        public DateTimeOffset? Day { get; set; }
        /// <summary>Requests in the group.</summary>
        public long Requests { get; set; }
        /// <summary>Requests with HTTP status 400 or above or an error code.</summary>
        public long Errors { get; set; }
        /// <summary>Sum of bytes sent.</summary>
        public long BytesSent { get; set; }
        /// <summary>Distinct client addresses.</summary>
        public long DistinctRemoteIps { get; set; }
        /// <summary>The earliest entry.</summary>
        public DateTimeOffset FirstSeen { get; set; }
        /// <summary>The latest entry.</summary>
        public DateTimeOffset LastSeen { get; set; }
        /// <summary>Median server time in milliseconds.</summary>
        public double TotalTimeMsP50 { get; set; }
        /// <summary>95th percentile of server time in milliseconds.</summary>
        public double TotalTimeMsP95 { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{Group}: {Requests} requests, {Errors} errors";
    }
}
