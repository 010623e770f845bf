using System;
using System.Globalization;

namespace S3Audit.Engine.Audit.Reports.Html
{
    /// <summary>How the report writes times and marks severities.</summary>
    internal static class ReportFormat
    {
        /// <summary>A time in UTC to the minute, sortable as text: 2026-11-21 02:00.</summary>
        public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        /// <summary>The stylesheet class of a severity: s1 (Info) to s5 (Critical), lighter to darker.</summary>
        public static string SeverityClass(S3AuditSeverity severity) => severity switch
        {
            S3AuditSeverity.Critical => "s5",
            S3AuditSeverity.High => "s4",
            S3AuditSeverity.Medium => "s3",
            S3AuditSeverity.Low => "s2",
            S3AuditSeverity.Info => "s1",
            _ => "s0",
        };
    }
}
