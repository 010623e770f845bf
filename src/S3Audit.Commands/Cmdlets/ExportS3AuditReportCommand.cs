using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Audit.Reports;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Writes Invoke-S3Audit's findings as one self-contained HTML page: from the pipeline (findings, and the run
    /// summary as an object or as Invoke-S3Audit's information record), or from an earlier JSON report (-InputPath).
    /// </summary>
    [Cmdlet(VerbsData.Export, "S3AuditReport", SupportsShouldProcess = true, DefaultParameterSetName = PipelineSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportS3AuditReportCommand : PSCmdlet
    {
        private const string PipelineSet = "Pipeline";
        private const string FileSet = "InputPath";
        private readonly List<S3AuditFinding> _findings = new List<S3AuditFinding>();
        private S3AuditRunSummary? _pipedSummary;

        /// <summary>The HTML file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Findings, the run summary, or Invoke-S3Audit's information record that carries it (6>&amp;1).</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = PipelineSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>The run summary (Invoke-S3Audit's information record tagged S3AuditSummary).</summary>
        [Parameter(ParameterSetName = PipelineSet)]
        public S3AuditRunSummary? Summary { get; set; }

        /// <summary>A JSON report written by Invoke-S3Audit (outputs.json), read instead of the pipeline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string InputPath { get; set; } = string.Empty;

        /// <summary>Do not replace an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Write the file's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            switch (InputObject?.BaseObject)
            {
                case null:
                    break;
                case S3AuditFinding finding:
                    _findings.Add(finding);
                    break;
                case S3AuditRunSummary summary:
                    _pipedSummary = summary;
                    break;
                case InformationRecord record when PSObject.AsPSObject(record.MessageData).BaseObject is S3AuditRunSummary summary:
                    _pipedSummary = summary;
                    break;
                case InformationRecord record:
                    WriteVerbose($"Not part of the report: an information record ({record.MessageData}).");
                    break;
                default:
                    WriteError(new ErrorRecord(
                        new ArgumentException($"Export-S3AuditReport takes S3AuditFinding objects and the S3AuditRunSummary of Invoke-S3Audit; a {InputObject.BaseObject.GetType().FullName} is not part of the report."),
                        ErrorIds.InvalidReportInput, ErrorCategory.InvalidArgument, InputObject));
                    break;
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            S3AuditRunSummary? summary = Summary ?? _pipedSummary;
            IReadOnlyList<S3AuditFinding> findings = _findings;
            if (ParameterSetName == FileSet)
            {
                JsonReportContent report = ReadReport(GetUnresolvedProviderPathFromPSPath(InputPath));
                (summary, findings) = (report.Summary, report.Findings);
            }
            else if (summary == null && findings.Count == 0)
            {
                WriteWarning("No findings and no run summary were given: the report will say only that. Pipe Invoke-S3Audit's output (with 6>&1 for its summary), or use -InputPath.");
            }

            string path = GetUnresolvedProviderPathFromPSPath(Path);
            bool exists = File.Exists(path);
            if (exists && NoClobber)
            {
                WriteError(new ErrorRecord(new IOException($"'{path}' already exists and -NoClobber was given."), ErrorIds.ReportFileExists, ErrorCategory.ResourceExists, path));
                return;
            }

            string action = $"{(exists ? "Replace with" : "Write")} an HTML report of {findings.Count} finding(s){(summary == null ? " without a run summary" : string.Empty)}";
            if (!ShouldProcess(path, action))
            {
                return;
            }

            try
            {
                HtmlReport.Write(path, summary, findings, DateTimeOffset.UtcNow);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException($"The report '{path}' could not be written: {e.Message}", e), ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, path));
            }

            WriteVerbose($"Report written: {path} ({findings.Count} finding(s)).");
            if (PassThru)
            {
                WriteObject(new FileInfo(path));
            }
        }

        private JsonReportContent ReadReport(string path)
        {
            if (!File.Exists(path))
            {
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"The JSON report '{path}' does not exist. Give a report written by Invoke-S3Audit (outputs.json).", path),
                    ErrorIds.ReportInputNotFound, ErrorCategory.ObjectNotFound, path));
            }

            try
            {
                return JsonReport.Read(path);
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.ReportInputInvalid, ErrorCategory.InvalidData, path));
                throw;
            }
        }
    }
}
