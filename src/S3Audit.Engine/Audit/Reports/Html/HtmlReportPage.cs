using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using S3Audit.Engine.Audit.Run;

namespace S3Audit.Engine.Audit.Reports.Html
{
    /// <summary>
    /// Writes the report page: verdict, severity chart and drift, the run, the findings table (complete without
    /// script), the findings by bucket, and the access-log activity charts. Every value from a finding or the summary
    /// is written through <see cref="HtmlEncoding"/>; element ids and classes are the page's own.
    /// </summary>
    internal sealed class HtmlReportPage
    {
        private static readonly Regex TargetSeparator = new Regex("; (?=[A-Za-z0-9][A-Za-z0-9._-]* \\()", RegexOptions.CultureInvariant);
        private readonly S3AuditRunSummary? _summary;
        private readonly List<S3AuditFinding> _findings;
        private readonly FindingCounts _counts;
        private readonly DateTimeOffset _generated;

        public HtmlReportPage(S3AuditRunSummary? summary, IEnumerable<S3AuditFinding> findings, DateTimeOffset generated)
        {
            _summary = summary;
            _findings = findings
                .OrderBy(f => f.Status == S3AuditDriftStatus.Resolved)
                .ThenByDescending(f => f.Severity)
                .ThenBy(f => f.Result)
                .ThenBy(f => f.Target, StringComparer.OrdinalIgnoreCase)
                .ThenBy(f => f.BucketName, StringComparer.Ordinal)
                .ThenBy(f => f.Check, StringComparer.Ordinal)
                .ThenBy(f => f.Rule, StringComparer.Ordinal)
                .ThenBy(f => f.Resource, StringComparer.Ordinal)
                .ToList();
            _counts = FindingCounts.Of(_findings);
            _generated = generated;
        }

        private static string T(string value) => HtmlEncoding.Text(value);

        private static string A(string value) => HtmlEncoding.Attribute(value);

        public void WriteTo(TextWriter w)
        {
            w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
            w.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{A(ReportAssets.ContentSecurityPolicy)}\">\n");
            w.Write("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            w.Write($"<meta name=\"generator\" content=\"S3Audit {A(Version)}\">\n<title>{T(Title)}</title>\n<style>{ReportAssets.Style}</style></head>\n<body>\n");
            w.Write($"<header><h1>{T(Title)}</h1><p class=\"sub\">Generated {ReportFormat.Time(_generated)} UTC by S3Audit {T(Version)}</p></header>\n");
            WriteVerdict(w);
            WriteGlance(w);
            WriteRun(w);
            WriteFindings(w);
            WriteBuckets(w);
            WriteActivity(w);
            w.Write("<footer>One self-contained page: it loads nothing from any network. Sorting and filtering use the script inside it; without script the full table is shown. Times are UTC.</footer>\n");
            w.Write($"<script type=\"application/json\" id=\"s3audit-data\">{FilterIndex.Json(_findings)}</script>\n");
            w.Write($"<script>{ReportAssets.Script}</script>\n</body></html>\n");
        }

        private string Title => _summary == null || _summary.ConfigPath.Length == 0
            ? "S3Audit report"
            : $"S3Audit report: {Path.GetFileName(_summary.ConfigPath)}, {_summary.StartTime.ToUniversalTime():yyyy-MM-dd}";

        private static string Version => typeof(HtmlReportPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";

        private void WriteVerdict(TextWriter w)
        {
            if (_summary == null)
            {
                w.Write($"<p id=\"verdict\" class=\"verdict na\">No run summary was given: the targets and thresholds of the run are unknown. {_counts.Open} open finding(s){Highest()}.</p>\n");
                return;
            }

            int incomplete = _summary.IncompleteTargets.Length == 0 ? 0 : TargetSeparator.Split(_summary.IncompleteTargets).Length;
            string partial = incomplete == 0 ? string.Empty : $" {incomplete} of {_summary.TargetCount} target(s) could not be audited completely: the results are partial.";
            if (_summary.ThresholdExceeded)
            {
                int atOrAbove = _findings.Count(f => f.Status != S3AuditDriftStatus.Resolved && f.Result == S3AuditResult.Fail && f.Severity >= _summary.FailOn);
                w.Write($"<p id=\"verdict\" class=\"verdict bad\">Threshold exceeded: {atOrAbove} open finding(s) at {_summary.FailOn} or above (failOn {_summary.FailOn}).{partial}</p>\n");
            }
            else
            {
                w.Write($"<p id=\"verdict\" class=\"verdict {(incomplete == 0 ? "ok" : "na")}\">Within the threshold: no open finding at {_summary.FailOn} or above (failOn {_summary.FailOn}).{partial}</p>\n");
            }
        }

        private string Highest() => _counts.MaxFailSeverity == null ? string.Empty : $", the highest {_counts.MaxFailSeverity}";

        private void WriteGlance(TextWriter w)
        {
            w.Write("<section id=\"glance\"><h2>At a glance</h2><div class=\"glance\"><div><h3>Open findings by severity</h3>");
            ReportCharts.SeverityBars(w, _counts);
            w.Write("</div>");
            if (BaselineUsed)
            {
                w.Write("<div id=\"drift\"><h3>Since the baseline</h3><dl class=\"kv\">");
                w.Write($"<dt>New</dt><dd>{_counts.New}</dd><dt>Unchanged</dt><dd>{_counts.Unchanged}</dd><dt>Resolved</dt><dd>{_counts.Resolved}</dd>");
                if (_counts.NotRechecked > 0)
                {
                    w.Write($"<dt>Not re-checked</dt><dd>{_counts.NotRechecked} (their target was incomplete)</dd>");
                }

                w.Write("</dl>");
                if (_summary != null && _summary.BaselinePath.Length > 0)
                {
                    w.Write($"<p class=\"note\">Compared with {T(_summary.BaselinePath)}</p>");
                }

                w.Write("</div>");
            }

            w.Write("</div></section>\n");
        }

        /// <summary>A baseline was used when the summary names one, or (without a summary) when any finding is not New.</summary>
        private bool BaselineUsed => _summary != null ? _summary.BaselinePath.Length > 0 : _findings.Any(f => f.Status != S3AuditDriftStatus.New);

        private void WriteRun(TextWriter w)
        {
            w.Write("<section id=\"run\"><h2>The run</h2>");
            if (_summary == null)
            {
                w.Write("<p class=\"note\">No run summary was given (pipe Invoke-S3Audit's information stream, use -Summary, or -InputPath a JSON report).</p></section>\n");
                return;
            }

            S3AuditRunSummary s = _summary;
            TimeSpan duration = s.EndTime - s.StartTime;
            w.Write("<dl class=\"kv\">");
            Item(w, "Profile", T(s.ConfigPath));
            Item(w, "Run", $"{ReportFormat.Time(s.StartTime)} to {ReportFormat.Time(s.EndTime)} UTC ({(int)duration.TotalMinutes} min {duration.Seconds} s)");
            Item(w, "Targets", $"{s.TargetCount}; complete: {(s.CompleteTargets.Length == 0 ? "none" : T(s.CompleteTargets))}");
            Item(w, "Incomplete targets", s.IncompleteTargets.Length == 0
                ? "none"
                : "<ul class=\"incomplete\">" + string.Concat(TargetSeparator.Split(s.IncompleteTargets).Select(t => $"<li>{T(t)}</li>")) + "</ul>");
            Item(w, "Buckets audited", s.BucketCount.ToString(CultureInfo.InvariantCulture));
            Item(w, "Thresholds", $"minimumSeverity {s.MinimumSeverity} (smaller Fail findings are not reported); failOn {s.FailOn}: {(s.ThresholdExceeded ? "<strong>exceeded</strong>" : "not exceeded")}");
            if (s.UnavailableChecks.Length > 0)
            {
                Item(w, "Checks not in this build", T(s.UnavailableChecks) + " (their findings are Unknown)");
            }

            Item(w, "Baseline", s.BaselinePath.Length == 0 ? "none: every finding is New" : T(s.BaselinePath));
            if (s.OutputFiles.Length > 0)
            {
                Item(w, "Reports", T(s.OutputFiles));
            }

            w.Write("</dl>");
            if (s.FindingCount != _counts.Open)
            {
                w.Write($"<p class=\"note\">This page shows {_counts.Open} of the run's {s.FindingCount} open findings: the findings were filtered before the report was made.</p>");
            }

            w.Write("</section>\n");
        }

        private static void Item(TextWriter w, string name, string html) => w.Write($"<dt>{name}</dt><dd>{html}</dd>");

        /// <summary>
        /// The findings table's rows come in groups (tbody) of this many: on screen the browser lays out only the groups
        /// near the viewport (report.css), so a page of 10,000 findings shows before all its rows are laid out.
        /// </summary>
        private const int RowsPerGroup = 100;

        private void WriteFindings(TextWriter w)
        {
            w.Write("<section id=\"findings-section\"><h2>Findings</h2>\n");
            w.Write("<noscript><p class=\"note\">Sorting and filtering need JavaScript; every finding is in the table below.</p></noscript>\n");
            w.Write("<div id=\"controls\" hidden></div>\n");
            w.Write($"<p id=\"shown\">{_findings.Count} finding(s)</p>\n");
            w.Write("<table id=\"findings\"><colgroup><col class=\"c-sev\"><col class=\"c-tg\"><col class=\"c-bk\"><col class=\"c-ck\"><col class=\"c-rl\"><col class=\"c-rs\"><col class=\"c-re\"><col class=\"c-st\"><col class=\"c-fs\"><col></colgroup>\n");
            w.Write("<thead><tr><th scope=\"col\" data-col=\"0\">Severity</th><th scope=\"col\" data-col=\"1\">Target</th><th scope=\"col\" data-col=\"2\">Bucket</th>" +
                    "<th scope=\"col\" data-col=\"3\">Check</th><th scope=\"col\" data-col=\"4\">Rule</th><th scope=\"col\">Resource</th><th scope=\"col\" data-col=\"5\">Result</th>" +
                    "<th scope=\"col\" data-col=\"6\">Status</th><th scope=\"col\" data-col=\"7\">First seen</th><th scope=\"col\">Detail and remediation</th></tr></thead>\n<tbody>\n");
            for (int i = 0; i < _findings.Count; i++)
            {
                if (i > 0 && i % RowsPerGroup == 0)
                {
                    w.Write("</tbody><tbody>\n");
                }

                S3AuditFinding f = _findings[i];
                w.Write($"<tr id=\"f{i}\"{(f.Status == S3AuditDriftStatus.Resolved ? " class=\"res\"" : string.Empty)}><td><b class=\"sv {ReportFormat.SeverityClass(f.Severity)}\">{f.Severity}</b>");
                w.Write($"<td>{T(f.Target)}<td>{T(f.BucketName)}<td>{T(f.Check)}<td>{T(f.Rule)}<td>{T(f.Resource)}");
                w.Write($"<td>{(f.Result == S3AuditResult.Fail ? "Fail" : $"<b class=\"sv unk\">{f.Result}</b>")}<td>{f.Status}<td>{ReportFormat.Time(f.FirstSeen)}<td>{T(f.Detail)}");
                w.Write(f.Remediation.Length == 0 ? "</tr>\n" : $"<p>{T(f.Remediation)}</p></tr>\n");
            }

            w.Write("</tbody></table>\n");
            if (_findings.Count == 0)
            {
                w.Write("<p class=\"note\">No findings.</p>\n");
            }

            w.Write("</section>\n");
        }

        /// <summary>One table row per bucket: its findings, worst first, each linked to its row in the findings table, and its counts.</summary>
        private void WriteBuckets(TextWriter w)
        {
            w.Write("<section id=\"buckets\"><h2>By bucket</h2>\n");
            w.Write("<table id=\"bucket-table\"><thead><tr><th scope=\"col\">Bucket</th><th scope=\"col\">Target</th><th scope=\"col\">Findings</th><th scope=\"col\">Counts</th></tr></thead>\n<tbody>\n");
            var groups = _findings.Select((f, i) => (Finding: f, Row: i))
                .GroupBy(x => (x.Finding.Target, x.Finding.BucketName))
                .Select(g => (Key: g.Key, Items: g.ToList(), Counts: FindingCounts.Of(g.Select(x => x.Finding).ToList())))
                .OrderByDescending(g => g.Counts.MaxFailSeverity ?? S3AuditSeverity.None)
                .ThenBy(g => g.Key.Target, StringComparer.OrdinalIgnoreCase)
                .ThenBy(g => g.Key.BucketName, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                string name = group.Key.BucketName.Length == 0 ? "(the target itself)" : T(group.Key.BucketName);
                w.Write($"<tr><th scope=\"row\">{name}</th><td>{T(group.Key.Target)}<td>");
                foreach (var (finding, row) in group.Items)
                {
                    string note = (finding.Result == S3AuditResult.Fail ? string.Empty : " (" + finding.Result + ")") + (finding.Status == S3AuditDriftStatus.Resolved ? " (Resolved)" : string.Empty);
                    w.Write($"<a class=\"{ReportFormat.SeverityClass(finding.Severity)}\" href=\"#f{row}\">{finding.Severity} {T(finding.Rule)}{note}</a> ");
                }

                w.Write($"<td>{CountText(group.Counts)}</tr>\n");
            }

            w.Write("</tbody></table></section>\n");
        }

        private static string CountText(FindingCounts c)
        {
            var parts = new List<string>();
            void Add(int n, string what)
            {
                if (n > 0)
                {
                    parts.Add($"{n} {what}");
                }
            }

            Add(c.Critical, "Critical");
            Add(c.High, "High");
            Add(c.Medium, "Medium");
            Add(c.Low, "Low/Info");
            Add(c.Unknown, "Unknown");
            Add(c.Resolved, "Resolved");
            return string.Join(", ", parts);
        }

        private void WriteActivity(TextWriter w)
        {
            S3AuditLogActivity[] activity = _summary?.LogActivity ?? Array.Empty<S3AuditLogActivity>();
            if (activity.Length == 0)
            {
                return;
            }

            w.Write("<section id=\"activity\"><h2>Access-log activity (logAnomalies)</h2><p class=\"note\">Light bars: requests per hour in the bucket's access logs over the check's window; dark bars: answers with an HTTP status of 400 or more. Hover a bar for its numbers.</p>\n");
            int i = 0;
            foreach (S3AuditLogActivity a in activity.OrderBy(a => a.Target, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.BucketName, StringComparer.Ordinal))
            {
                int anomalies = _findings.Count(f => f.Check == "logAnomalies" && f.Result == S3AuditResult.Fail && f.Target == a.Target && f.BucketName == a.BucketName);
                int busiest = a.RequestsPerHour.Length == 0 ? 0 : Array.IndexOf(a.RequestsPerHour, a.RequestsPerHour.Max());
                w.Write("<figure class=\"act\">");
                ReportCharts.Activity(w, a, "act" + i++);
                w.Write($"<figcaption><b>{T(a.BucketName)}</b> ({T(a.Target)}): {a.Requests} request(s), {a.Errors} error answer(s) from {ReportFormat.Time(a.StartTime)} to {ReportFormat.Time(a.EndTime)} UTC");
                if (a.Requests > 0)
                {
                    w.Write($"; busiest hour {ReportFormat.Time(a.StartTime.AddHours(busiest))} with {a.RequestsPerHour[busiest]}");
                }

                w.Write($"; {anomalies} anomaly finding(s).</figcaption></figure>\n");
            }

            w.Write("</section>\n");
        }
    }
}
