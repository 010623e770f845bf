using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Audit.Checks;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Reports;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>
    /// Runs an audit profile: every target in turn (a failing target is an error and the others still run), every
    /// enabled check, drift against the baseline, then the configured CSV/HTML/JSON reports written atomically. Findings are
    /// written to the output as each target finishes; the summary is returned.
    /// </summary>
    public sealed class AuditRunner
    {
        private const int ProgressActivityId = 7;
        private readonly AuditCheckRegistry _registry;
        private readonly Func<string, string?> _environment;
        private readonly Func<S3ConnectionOptions, S3Session> _openSession;
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates a runner. Defaults: the checks of this build, the process environment, real sessions, the system clock.</summary>
        public AuditRunner(AuditCheckRegistry? registry = null, Func<string, string?>? environment = null, Func<S3ConnectionOptions, S3Session>? openSession = null, Func<DateTimeOffset>? clock = null)
        {
            _registry = registry ?? AuditCheckRegistry.CreateDefault();
            _environment = environment ?? Environment.GetEnvironmentVariable;
            _openSession = openSession ?? (options => S3Session.Open(options));
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>
        /// Runs the profile. A baseline that cannot be read throws <see cref="InvalidDataException"/> before any call.
        /// </summary>
        public Task<S3AuditRunSummary> RunAsync(AuditConfig config, string? baselinePath, IAuditOutput output, CancellationToken cancellationToken) =>
            RunWithBaselineAsync(config, baselinePath == null ? null : JsonReport.ReadFindings(baselinePath), output, cancellationToken, baselinePath);

        /// <summary>
        /// Runs the profile against baseline findings already read (for example with <see cref="JsonReport.ReadFindings"/>);
        /// <paramref name="baselinePath"/> names where they came from in the summary and the reports.
        /// </summary>
        public async Task<S3AuditRunSummary> RunWithBaselineAsync(AuditConfig config, IReadOnlyList<S3AuditFinding>? baseline, IAuditOutput output, CancellationToken cancellationToken, string? baselinePath = null)
        {
            var drift = new DriftTracker(baseline);
            DateTimeOffset start = _clock();
            var auditor = new TargetAuditor(_registry, _openSession, _environment);
            var outcomes = new List<TargetOutcome>();
            var findings = new List<S3AuditFinding>();

            for (int i = 0; i < config.Targets.Count; i++)
            {
                AuditTarget target = config.Targets[i];
                output.WriteProgress(new AuditProgress(ProgressActivityId, "Invoke-S3Audit", $"Target {i + 1} of {config.Targets.Count}: {target.Name}", 100 * i / config.Targets.Count));
                TargetOutcome outcome = await auditor.AuditAsync(target, config, output, cancellationToken).ConfigureAwait(false);
                outcomes.Add(outcome);
                IEnumerable<S3AuditFinding> reported = outcome.Findings.Where(f => f.Result == S3AuditResult.Unknown || f.Severity >= config.Thresholds.MinimumSeverity);
                foreach (S3AuditFinding finding in drift.Classify(target.Name, outcome.Complete, reported, start))
                {
                    findings.Add(finding);
                    output.WriteObject(finding);
                }
            }

            output.WriteProgress(new AuditProgress(ProgressActivityId, "Invoke-S3Audit", "Done", 100, completed: true));
            S3AuditRunSummary summary = RunSummary.Create(config, start, outcomes, findings, baselinePath);
            Warn(summary, outcomes, output);
            WriteReports(config, summary, findings, output);
            return summary;
        }

        private static void Warn(S3AuditRunSummary summary, List<TargetOutcome> outcomes, IAuditOutput output)
        {
            if (summary.UnavailableChecks.Length > 0)
            {
                output.WriteWarning($"Not available in this build: {summary.UnavailableChecks}. Their findings are Unknown (rule CheckNotAvailable), not passed.");
            }

            int incomplete = outcomes.Count(o => !o.Complete);
            if (incomplete > 0)
            {
                output.WriteWarning($"{incomplete} of {outcomes.Count} target(s) incomplete, their results are partial: {summary.IncompleteTargets}");
            }
        }

        private void WriteReports(AuditConfig config, S3AuditRunSummary summary, List<S3AuditFinding> findings, IAuditOutput output)
        {
            var written = new List<string>();
            summary.EndTime = _clock();
            var reports = new (OutputPathTemplate? Template, Action<string> Write)[]
            {
                (config.CsvPath, path => CsvReport.Write(path, findings)),
                (config.HtmlPath, path => HtmlReport.Write(path, summary, findings, summary.EndTime)),
                (config.JsonPath, path => JsonReport.Write(path, summary, findings)),
            };
            foreach (var report in reports.Where(r => r.Template != null))
            {
                string path = report.Template!.Resolve(summary.StartTime);
                summary.OutputFiles = string.Join("; ", written.Concat(new[] { path })); // the HTML and JSON reports list themselves
                Write(path, report.Write, written, output);
            }

            summary.OutputFiles = string.Join("; ", written);
        }

        private static void Write(string path, Action<string> write, List<string> written, IAuditOutput output)
        {
            try
            {
                write(path);
                written.Add(path);
                output.WriteVerbose($"Report written: {path}");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                output.WriteError(new AuditError("ReportWriteFailed", AuditErrorKind.Other, $"The report '{path}' could not be written: {e.Message}", path, e));
            }
        }
    }
}
