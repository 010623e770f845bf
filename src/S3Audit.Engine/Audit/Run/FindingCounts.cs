using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>
    /// The counts a run summary and the HTML report give: open findings (Resolved ones excluded); Fail findings by
    /// severity (Low includes Info); Unknown results; drift. One definition for both, so the page matches the summary.
    /// </summary>
    internal sealed class FindingCounts
    {
        private FindingCounts(IReadOnlyCollection<S3AuditFinding> findings)
        {
            List<S3AuditFinding> open = findings.Where(f => f.Status != S3AuditDriftStatus.Resolved).ToList();
            List<S3AuditFinding> failed = open.Where(f => f.Result == S3AuditResult.Fail).ToList();
            Open = open.Count;
            Critical = failed.Count(f => f.Severity == S3AuditSeverity.Critical);
            High = failed.Count(f => f.Severity == S3AuditSeverity.High);
            Medium = failed.Count(f => f.Severity == S3AuditSeverity.Medium);
            Low = failed.Count(f => f.Severity <= S3AuditSeverity.Low);
            Unknown = open.Count(f => f.Result == S3AuditResult.Unknown);
            New = open.Count(f => f.Status == S3AuditDriftStatus.New);
            Unchanged = open.Count(f => f.Status == S3AuditDriftStatus.Unchanged);
            NotRechecked = open.Count(f => f.Status == S3AuditDriftStatus.NotRechecked);
            Resolved = findings.Count(f => f.Status == S3AuditDriftStatus.Resolved);
            MaxFailSeverity = failed.Count == 0 ? (S3AuditSeverity?)null : failed.Max(f => f.Severity);
        }

        public int Open { get; }
        public int Critical { get; }
        public int High { get; }
        public int Medium { get; }
        public int Low { get; }
        public int Unknown { get; }
        public int New { get; }
        public int Unchanged { get; }
        public int NotRechecked { get; }
        public int Resolved { get; }
        /// <summary>The highest severity of an open Fail finding; null when there is none.</summary>
        public S3AuditSeverity? MaxFailSeverity { get; }

        public static FindingCounts Of(IReadOnlyCollection<S3AuditFinding> findings) => new FindingCounts(findings);

        /// <summary>True when an open Fail finding is at or above <paramref name="failOn"/>.</summary>
        public bool Exceeds(S3AuditSeverity failOn) => MaxFailSeverity >= failOn;
    }
}
