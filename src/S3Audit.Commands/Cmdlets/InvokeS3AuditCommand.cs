using System.Collections.Generic;
using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Reports;
using S3Audit.Engine.Audit.Run;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Runs a complete review from an audit profile (YAML): every target, every enabled check, drift against a
    /// baseline, and the configured CSV/JSON/HTML reports. Writes one S3AuditFinding per finding; the run summary goes to
    /// the information stream (tag S3AuditSummary) and into the JSON report. A profile that is missing or invalid is a
    /// non-terminating error for that profile: the other profiles piped in are still audited.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "S3Audit")]
    [OutputType(typeof(S3AuditFinding))]
    public sealed class InvokeS3AuditCommand : EngineCmdlet
    {
        /// <summary>The tag of the summary record in the information stream.</summary>
        public const string SummaryTag = "S3AuditSummary";

        /// <summary>The audit profile.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "Path")]
        [ValidateNotNullOrEmpty]
        public string ConfigPath { get; set; } = string.Empty;

        /// <summary>The JSON report of an earlier run to compare with.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? BaselinePath { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string configPath = GetUnresolvedProviderPathFromPSPath(ConfigPath);
            AuditConfig? config = LoadConfig(configPath);
            if (config == null)
            {
                return; // the error names the file; the other profiles piped in still run
            }

            string? baseline = BaselinePath == null ? null : GetUnresolvedProviderPathFromPSPath(BaselinePath);
            IReadOnlyList<S3AuditFinding>? baselineFindings = baseline == null ? null : ReadBaseline(baseline);

            S3AuditRunSummary? summary = null;
            RunEngine(async (output, token) => summary = await new AuditRunner().RunWithBaselineAsync(config, baselineFindings, output, token, baseline).ConfigureAwait(false));

            if (summary != null)
            {
                WriteVerbose(summary.ToString());
                WriteInformation(summary, new[] { SummaryTag });
            }
        }

        /// <summary>Reads the baseline before any call, so a missing or unreadable one stops the run with its own error id.</summary>
        private IReadOnlyList<S3AuditFinding> ReadBaseline(string path)
        {
            if (!File.Exists(path))
            {
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"The baseline '{path}' does not exist. Give the JSON report of an earlier run.", path),
                    ErrorIds.BaselineNotFound, ErrorCategory.ObjectNotFound, path));
            }

            try
            {
                return JsonReport.ReadFindings(path);
            }
            catch (InvalidDataException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.BaselineInvalid, ErrorCategory.InvalidData, path));
                throw;
            }
        }

        /// <summary>The profile, or null after a non-terminating error for it (missing, not text, invalid).</summary>
        private AuditConfig? LoadConfig(string path)
        {
            try
            {
                return AuditConfigLoader.Load(path);
            }
            catch (FileNotFoundException e)
            {
                WriteError(new ErrorRecord(e, ErrorIds.AuditConfigNotFound, ErrorCategory.ObjectNotFound, path));
            }
            catch (AuditConfigException e)
            {
                WriteError(new ErrorRecord(e, ErrorIds.AuditConfigInvalid, ErrorCategory.InvalidData, path));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, ErrorIds.AuditConfigUnreadable, ErrorCategory.ReadError, path));
            }

            return null;
        }
    }
}
