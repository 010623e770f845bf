using System;

namespace S3Audit
{
    /// <summary>
    /// A logging S3 gateway started by Start-S3AuditProxy, as read at one moment (Get-S3AuditProxy reads it again).
    /// Flat for Export-Csv; holds no secret.
    /// </summary>
    public sealed class S3AuditProxy
    {
        /// <summary>The gateway's number in this PowerShell process (Stop-S3AuditProxy -Id).</summary>
        public int Id { get; set; }
        /// <summary>The URL clients use as their S3 endpoint, e.g. http://127.0.0.1:9000.</summary>
        public string Endpoint { get; set; } = string.Empty;
        /// <summary>The S3 endpoint requests are forwarded to.</summary>
        public string Upstream { get; set; } = string.Empty;
        /// <summary>The folder the access-log files are written to.</summary>
        public string LogPath { get; set; } = string.Empty;
        /// <summary>The log file being written, or empty before the first request.</summary>
        public string CurrentLogFile { get; set; } = string.Empty;
        /// <summary>Running or Stopped.</summary>
        public string State { get; set; } = string.Empty;
        /// <summary>Requests answered (each has one log line).</summary>
        public long Requests { get; set; }
        /// <summary>Requests answered with HTTP 400 or above, or cut short.</summary>
        public long Errors { get; set; }
        /// <summary>Requests in flight.</summary>
        public long ActiveRequests { get; set; }
        /// <summary>Request body bytes received from clients.</summary>
        public long BytesIn { get; set; }
        /// <summary>Response body bytes sent to clients.</summary>
        public long BytesOut { get; set; }
        /// <summary>Log lines that could not be written (see LogError).</summary>
        public long LogLinesDropped { get; set; }
        /// <summary>Why the last log write failed, or empty.</summary>
        public string LogError { get; set; } = string.Empty;
        /// <summary>The access keys clients may sign with (ids only).</summary>
        public string AccessKeyId { get; set; } = string.Empty;
        /// <summary>When the gateway started listening.</summary>
        public DateTimeOffset StartTime { get; set; }
        /// <summary>When it stopped; null while running.</summary>
        public DateTimeOffset? StopTime { get; set; }
    }
}
