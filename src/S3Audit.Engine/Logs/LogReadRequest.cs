using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Logs
{
    /// <summary>What Get-S3AuditLogEntry reads: local files and folders, or log objects in a bucket.</summary>
    public sealed class LogReadRequest
    {
        /// <summary>Local files or folders (folders are read recursively); wildcards are resolved by the caller.</summary>
        public IList<string> Paths { get; set; } = new List<string>();
        /// <summary>The bucket holding log objects (instead of <see cref="Paths"/>).</summary>
        public string? BucketName { get; set; }
        /// <summary>The key prefix of the log objects.</summary>
        public string? Prefix { get; set; }
        /// <summary>Format, filter and -IncludeRaw.</summary>
        public LogReadOptions Options { get; set; } = new LogReadOptions();
        /// <summary>Keep entries delivered twice.</summary>
        public bool KeepDuplicates { get; set; }
        /// <summary>Log object downloads in flight at once (local files are read one after another).</summary>
        public int ThrottleLimit { get; set; } = 16;
        /// <summary>How far key times may lie from the requested range (delivery delay, file roll time).</summary>
        public TimeSpan LookBack { get; set; } = TimeSpan.FromHours(2);
        /// <summary>Malformed-record warnings shown before they are only counted.</summary>
        public int MaxWarnings { get; set; } = 20;
        /// <summary>A download that delivers no byte for this long is abandoned and retried (the SDK's timeouts cover only the response headers).</summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Decides which sources to read and from which record, and learns how far each was read (null: read everything).</summary>
        public ILogSourceTracker? Sources { get; set; }
        /// <summary>Attempts per log object when the download fails part-way (the SDK retries each request as well).</summary>
        public int MaxAttempts { get; set; } = 4;
    }
}
