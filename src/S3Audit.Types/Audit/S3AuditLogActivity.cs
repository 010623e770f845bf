using System;

namespace S3Audit
{
    /// <summary>
    /// The requests one bucket's access logs show over the logAnomalies window of a run, per hour: what the HTML
    /// report draws beside that bucket's anomalies. Carried by <see cref="S3AuditRunSummary.LogActivity"/>.
    /// </summary>
    public sealed class S3AuditLogActivity
    {
        /// <summary>The target's name in the configuration file.</summary>
        public string Target { get; set; } = string.Empty;
        /// <summary>The bucket whose access logs were read.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The start of the window (the first hour starts here).</summary>
        public DateTimeOffset StartTime { get; set; }
        /// <summary>The end of the window.</summary>
        public DateTimeOffset EndTime { get; set; }
        /// <summary>Requests logged in the window.</summary>
        public int Requests { get; set; }
        /// <summary>Requests answered with an HTTP status of 400 or more.</summary>
        public int Errors { get; set; }
        /// <summary>Requests per hour of the window, the first hour first.</summary>
        public int[] RequestsPerHour { get; set; } = Array.Empty<int>();
        /// <summary>Error answers per hour of the window, the first hour first.</summary>
        public int[] ErrorsPerHour { get; set; } = Array.Empty<int>();

        /// <inheritdoc />
        public override string ToString() => $"{Target}/{BucketName}: {Requests} request(s), {Errors} error(s) in {RequestsPerHour.Length} hour(s) from {StartTime:u}";
    }
}
