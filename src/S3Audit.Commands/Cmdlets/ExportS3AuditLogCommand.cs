using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Lake;
using S3Audit.Engine.Logs;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Writes audit-log entries as a Hive-partitioned Parquet log lake (source=/year=/month=/day=) in a folder or under
    /// s3://bucket/prefix, incrementally: a manifest records the source logs already exported, so scheduled runs write
    /// only what is new. Reads the same sources as Get-S3AuditLogEntry, or entries from the pipeline. PowerShell 7 only
    /// (the Parquet writer is built on .NET 8).
    /// </summary>
    [Cmdlet(VerbsData.Export, "S3AuditLog", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true)]
    [OutputType(typeof(S3AuditLogExportFile))]
    public sealed class ExportS3AuditLogCommand : AuditLogCmdlet
    {
        /// <summary>The information-stream tag of the run summary.</summary>
        public const string SummaryTag = "S3AuditLogExportSummary";

        private const string PipelineSet = "Pipeline";
        private const string FeatureAssembly = "S3Audit.Lake";
        private const string FeatureType = "S3Audit.Lake.ParquetLakeWriterFactory";
        private readonly List<LogReadRequest> _reads = new List<LogReadRequest>();
        private ILakeFileWriterFactory? _writer;
        private LakeDestination? _destination;
        private LakeExport? _export;
        private LakeTally? _plan;
        private bool? _proceed;
        private bool _received;

        /// <summary>The lake: a folder, or s3://bucket/prefix (written through this command's connection).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>
        /// Entries from Get-S3AuditLogEntry (not recorded in the manifest: every run writes what it is given). Not
        /// mandatory: a mandatory by-value parameter in the default set keeps PowerShell from binding piped files to
        /// -LiteralPath by their PSPath (as with Measure-S3AuditLog).
        /// </summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = PipelineSet)]
        public S3AuditLogEntry? InputObject { get; set; }

        /// <summary>The Parquet compression codec; Zstd by default.</summary>
        [Parameter]
        public S3AuditLogCompression Compression { get; set; } = S3AuditLogCompression.Zstd;

        /// <summary>Add the raw record, secrets masked, as the raw column.</summary>
        [Parameter]
        [Alias("IncludeRawRecords")]
        public SwitchParameter IncludeRaw { get; set; }

        internal override bool IncludeRawRecords => IncludeRaw.IsPresent;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _writer = PowerShell7Feature.Create<ILakeFileWriterFactory>(this, FeatureAssembly, FeatureType, "Export-S3AuditLog");
            try
            {
                _destination = LakeDestination.Parse(Destination, GetUnresolvedProviderPathFromPSPath);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromArgument(e, ErrorIds.InvalidArgument, Destination));
            }
        }

        /// <summary>Every source (each piped bucket, all paths) goes into one run, started after the last input.</summary>
        internal override void Read(LogReadRequest request) => _reads.Add(request);

        internal override void ProcessInputObject()
        {
            if (InputObject == null || !Proceed())
            {
                return;
            }

            _received = true;
            if (_plan != null)
            {
                _plan.Add(InputObject);
                return;
            }

            if (_export == null)
            {
                S3Session? destination = DestinationSession; // opened here, on the pipeline thread
                RunEngine(async (output, token) => _export = await LakeExport.OpenAsync(ExportRequest(), destination, _writer!, output, token).ConfigureAwait(false));
            }

            _export!.Add(InputObject);
        }

        internal override void EndOfInput()
        {
            bool pipeline = ParameterSetName == PipelineSet;
            if ((!pipeline && _reads.Count == 0) || (pipeline && !_received) || !Proceed())
            {
                return;
            }

            if (_plan != null)
            {
                ShowPlan(pipeline);
                return;
            }

            LakeExportResult? result = null;
            S3Session? destination = DestinationSession;
            List<(LogReadRequest Read, S3Session? Session)> reads = Reads();
            RunEngine(async (output, token) =>
            {
                _export ??= await LakeExport.OpenAsync(ExportRequest(), destination, _writer!, output, token).ConfigureAwait(false);
                foreach ((LogReadRequest read, S3Session? session) in reads)
                {
                    await _export.ReadAsync(read, session, output, token).ConfigureAwait(false);
                }

                result = await _export.CommitAsync(output, token).ConfigureAwait(false);
            });

            foreach (S3AuditLogExportFile file in result!.Files)
            {
                WriteObject(file);
            }

            WriteVerbose(result.Summary.ToString());
            WriteInformation(result.Summary, new[] { SummaryTag });
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Before the base disposes the session: an unfinished run removes its staged files (Ctrl+C, an error).
                _export?.Dispose();
                _export = null;
            }

            base.Dispose(disposing);
        }

        // Sessions open on first use and report through WriteVerbose: both are taken on the pipeline thread, before RunEngine.
        private S3Session? DestinationSession => _destination!.IsS3 ? Session : null;

        private List<(LogReadRequest Read, S3Session? Session)> Reads()
        {
            var reads = new List<(LogReadRequest, S3Session?)>();
            foreach (LogReadRequest read in _reads)
            {
                reads.Add((read, read.BucketName == null ? null : Session));
            }

            return reads;
        }

        private LakeExportRequest ExportRequest() => new LakeExportRequest(_destination!)
        {
            File = new LakeFileOptions { Compression = Compression, IncludeRaw = IncludeRaw.IsPresent },
            ThrottleLimit = ThrottleLimit,
        };

        /// <summary>Asks once (-Confirm); with -WhatIf, switches to counting what would be written.</summary>
        private bool Proceed()
        {
            if (_proceed == null)
            {
                string root = _destination!.Root;
                _proceed = ShouldProcess($"Writing Parquet files of audit-log entries to {root}.", $"Write Parquet files of audit-log entries to {root}?", "Export-S3AuditLog", out ShouldProcessReason reason);
                if (!_proceed.Value && reason == ShouldProcessReason.WhatIf)
                {
                    _plan = new LakeTally();
                    _proceed = true;
                }
            }

            return _proceed.Value;
        }

        /// <summary>-WhatIf: reads the sources (passing over those already exported) and names each partition that would get rows.</summary>
        private void ShowPlan(bool pipeline)
        {
            LakeTally plan = _plan!;
            if (!pipeline)
            {
                S3Session? destination = DestinationSession;
                List<(LogReadRequest Read, S3Session? Session)> reads = Reads();
                RunEngine(async (output, token) => plan = await LakeExport.PlanAsync(_destination!, destination, reads, output, token).ConfigureAwait(false));
            }

            foreach (S3AuditLogExportFile partition in plan.Partitions(_destination!))
            {
                string action = string.Format(CultureInfo.InvariantCulture, "Write {0:N0} rows ({1:yyyy-MM-dd HH:mm:ss} to {2:yyyy-MM-dd HH:mm:ss} UTC)",
                    partition.Rows, partition.FirstTime.UtcDateTime, partition.LastTime.UtcDateTime);
                ShouldProcess(partition.Path, action);
            }
        }
    }
}
