using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Run;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Runs a complete review from an audit profile (YAML): every target, every enabled check, drift against a
    /// baseline, and the configured CSV/JSON reports. Writes one S3AuditFinding per finding; the run summary goes to
    /// the information stream (tag S3AuditSummary) and into the JSON report.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "S3Audit")]
    [OutputType(typeof(S3AuditFinding))]
    public sealed class InvokeS3AuditCommand : PSCmdlet, IDisposable
    {
        /// <summary>The tag of the summary record in the information stream.</summary>
        public const string SummaryTag = "S3AuditSummary";

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

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
        protected override void BeginProcessing() => ModuleInitializer.ShowPendingWarning(this);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string configPath = GetUnresolvedProviderPathFromPSPath(ConfigPath);
            AuditConfig config = LoadConfig(configPath);
            string? baseline = BaselinePath == null ? null : GetUnresolvedProviderPathFromPSPath(BaselinePath);
            if (baseline != null && !File.Exists(baseline))
            {
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"The baseline '{baseline}' does not exist. Give the JSON report of an earlier run.", baseline),
                    ErrorIds.BaselineNotFound, ErrorCategory.ObjectNotFound, baseline));
            }

            S3AuditRunSummary? summary = null;
            try
            {
                OutputQueue.Run(this, async (output, token) => summary = await new AuditRunner().RunAsync(config, baseline, output, token).ConfigureAwait(false), _cancellation.Token);
            }
            catch (InvalidDataException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.BaselineInvalid, ErrorCategory.InvalidData, baseline));
            }

            if (summary != null)
            {
                WriteVerbose(summary.ToString());
                WriteInformation(summary, new[] { SummaryTag });
            }
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _cancellation.Cancel();

        /// <inheritdoc />
        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        private AuditConfig LoadConfig(string path)
        {
            try
            {
                return AuditConfigLoader.Load(path);
            }
            catch (FileNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.AuditConfigNotFound, ErrorCategory.ObjectNotFound, path));
            }
            catch (AuditConfigException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.AuditConfigInvalid, ErrorCategory.InvalidData, path));
            }

            throw new InvalidOperationException("unreachable");
        }
    }
}
