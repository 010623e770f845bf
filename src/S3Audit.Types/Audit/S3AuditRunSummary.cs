using System;

namespace S3Audit
{
    /// <summary>
    /// The summary of one Invoke-S3Audit run: written to the information stream (tag S3AuditSummary) and into the JSON report.
    /// </summary>
    public sealed class S3AuditRunSummary
    {
        /// <summary>The configuration file.</summary>
        public string ConfigPath { get; set; } = string.Empty;
        /// <summary>When the run started.</summary>
        public DateTimeOffset StartTime { get; set; }
        /// <summary>When the run ended.</summary>
        public DateTimeOffset EndTime { get; set; }
        /// <summary>Targets in the run.</summary>
        public int TargetCount { get; set; }
        /// <summary>Targets audited without any error.</summary>
        public string CompleteTargets { get; set; } = string.Empty;
        /// <summary>Targets with at least one error (unreachable, bad credentials, a bucket that could not be read), each with its first error; their results are partial.</summary>
        public string IncompleteTargets { get; set; } = string.Empty;
        /// <summary>Buckets audited over all targets.</summary>
        public int BucketCount { get; set; }
        /// <summary>Findings reported (Resolved ones excluded).</summary>
        public int FindingCount { get; set; }
        /// <summary>Open findings of severity Critical.</summary>
        public int CriticalCount { get; set; }
        /// <summary>Open findings of severity High.</summary>
        public int HighCount { get; set; }
        /// <summary>Open findings of severity Medium.</summary>
        public int MediumCount { get; set; }
        /// <summary>Open findings of severity Low or Info.</summary>
        public int LowCount { get; set; }
        /// <summary>Findings whose result is Unknown (including checks not available in this build).</summary>
        public int UnknownCount { get; set; }
        /// <summary>Findings new since the baseline.</summary>
        public int NewCount { get; set; }
        /// <summary>Baseline findings that are gone.</summary>
        public int ResolvedCount { get; set; }
        /// <summary>The minimumSeverity threshold of the configuration: Fail findings below it were not reported.</summary>
        public S3AuditSeverity MinimumSeverity { get; set; }
        /// <summary>The failOn threshold of the configuration.</summary>
        public S3AuditSeverity FailOn { get; set; }
        /// <summary>True when an open Fail finding is at or above <see cref="FailOn"/>.</summary>
        public bool ThresholdExceeded { get; set; }
        /// <summary>Checks enabled in the file that this build cannot run (their findings are Unknown).</summary>
        public string UnavailableChecks { get; set; } = string.Empty;
        /// <summary>The report files written, separated by "; ".</summary>
        public string OutputFiles { get; set; } = string.Empty;
        /// <summary>The JSON report of the earlier run the findings were compared with (-BaselinePath); empty without one.</summary>
        public string BaselinePath { get; set; } = string.Empty;
        /// <summary>Requests per hour in each bucket's access logs over the logAnomalies window (empty when that check did not read logs).</summary>
        public S3AuditLogActivity[] LogActivity { get; set; } = Array.Empty<S3AuditLogActivity>();

        /// <inheritdoc />
        public override string ToString() =>
            $"S3Audit: {TargetCount} target(s), {BucketCount} bucket(s), {FindingCount} finding(s) (Critical {CriticalCount}, High {HighCount}, Medium {MediumCount}, Low {LowCount}, Unknown {UnknownCount}; New {NewCount}, Resolved {ResolvedCount})" +
            (IncompleteTargets.Length > 0 ? $"; incomplete: {IncompleteTargets}" : string.Empty) +
            (OutputFiles.Length > 0 ? $"; written: {OutputFiles}" : string.Empty);
    }
}
