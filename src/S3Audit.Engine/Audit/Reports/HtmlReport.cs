using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using S3Audit.Engine.Audit.Reports.Html;
using S3Audit.Engine.IO;

namespace S3Audit.Engine.Audit.Reports
{
    /// <summary>
    /// The HTML report of a run: one self-contained page (stylesheet, script and charts inline, nothing loaded from a
    /// network) that shows the run, the findings by severity, drift, every finding in a table that sorts and filters
    /// with script and is complete without it, the findings by bucket and the logAnomalies activity. Fed by the same
    /// objects as the JSON report; the summary may be null (findings only).
    /// </summary>
    public static class HtmlReport
    {
        /// <summary>The page as text; <paramref name="generated"/> is the time it says it was made.</summary>
        public static string Format(S3AuditRunSummary? summary, IEnumerable<S3AuditFinding> findings, DateTimeOffset generated)
        {
            using (var writer = new StringWriter())
            {
                new HtmlReportPage(summary, findings, generated).WriteTo(writer);
                return writer.ToString();
            }
        }

        /// <summary>Writes the page atomically (a temporary file renamed into place), UTF-8 without a byte order mark.</summary>
        public static void Write(string path, S3AuditRunSummary? summary, IEnumerable<S3AuditFinding> findings, DateTimeOffset generated)
        {
            var page = new HtmlReportPage(summary, findings, generated);
            AtomicFile.Write(path, stream =>
            {
                using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true))
                {
                    page.WriteTo(writer);
                }
            });
        }
    }
}
