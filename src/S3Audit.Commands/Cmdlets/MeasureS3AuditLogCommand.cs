using System;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Logs;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Summarizes audit-log entries: groups by one or more dimensions and computes requests, errors, bytes, distinct
    /// addresses, first/last seen and server-time percentiles per group. Reads entries from the pipeline, or reads
    /// logs itself (-Path, -BucketName, -LyveTarget) without creating an object per entry.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "S3AuditLog", DefaultParameterSetName = PipelineSet)]
    [OutputType(typeof(S3AuditLogSummary))]
    public sealed class MeasureS3AuditLogCommand : AuditLogCmdlet
    {
        private const string PipelineSet = "Pipeline";
        private LogSummarizer? _summarizer;

        /// <summary>Entries from Get-S3AuditLogEntry.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
        public S3AuditLogEntry? InputObject { get; set; }

        /// <summary>The dimensions to group by; one group over everything when omitted. Not positional: a bare word would bind to -Path.</summary>
        [Parameter]
        public S3AuditLogDimension[]? GroupBy { get; set; }

        /// <summary>Only the first N groups after sorting.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Top { get; set; }

        /// <summary>The metric to sort by (largest first); Requests by default.</summary>
        [Parameter]
        [ValidateSet("Requests", "Errors", "BytesSent", "DistinctRemoteIps", "FirstSeen", "LastSeen", "TotalTimeMsP50", "TotalTimeMsP95", "Group")]
        [PSDefaultValue(Value = "Requests")]
        public string SortBy { get; set; } = "Requests";

        internal override bool IncludeRawRecords => false;

        internal override Action<S3AuditLogEntry>? EntrySink => Summarizer.Add;

        private LogSummarizer Summarizer => _summarizer ??= new LogSummarizer(GroupBy ?? Array.Empty<S3AuditLogDimension>());

        internal override void ProcessInputObject()
        {
            if (InputObject != null)
            {
                Summarizer.Add(InputObject);
            }
        }

        internal override void EndOfInput()
        {
            foreach (S3AuditLogSummary row in Summarizer.GetSummary(Top, SortBy))
            {
                WriteObject(row);
            }
        }
    }
}
