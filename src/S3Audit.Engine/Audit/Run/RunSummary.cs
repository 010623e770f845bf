using System;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Audit.Config;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>Counts a run's findings and names its incomplete targets.</summary>
    internal static class RunSummary
    {
        public static S3AuditRunSummary Create(AuditConfig config, DateTimeOffset start, IReadOnlyList<TargetOutcome> outcomes, IReadOnlyList<S3AuditFinding> findings)
        {
            List<S3AuditFinding> open = findings.Where(f => f.Status != S3AuditDriftStatus.Resolved).ToList();
            List<S3AuditFinding> failed = open.Where(f => f.Result == S3AuditResult.Fail).ToList();
            return new S3AuditRunSummary
            {
                ConfigPath = config.Path,
                StartTime = start,
                EndTime = start,
                TargetCount = outcomes.Count,
                CompleteTargets = string.Join(", ", outcomes.Where(o => o.Complete).Select(o => o.Name)),
                IncompleteTargets = string.Join("; ", outcomes.Where(o => !o.Complete).Select(o => $"{o.Name} ({o.FirstError})")),
                BucketCount = outcomes.Sum(o => o.BucketCount),
                FindingCount = open.Count,
                CriticalCount = failed.Count(f => f.Severity == S3AuditSeverity.Critical),
                HighCount = failed.Count(f => f.Severity == S3AuditSeverity.High),
                MediumCount = failed.Count(f => f.Severity == S3AuditSeverity.Medium),
                LowCount = failed.Count(f => f.Severity <= S3AuditSeverity.Low),
                UnknownCount = open.Count(f => f.Result == S3AuditResult.Unknown),
                NewCount = open.Count(f => f.Status == S3AuditDriftStatus.New),
                ResolvedCount = findings.Count(f => f.Status == S3AuditDriftStatus.Resolved),
                FailOn = config.Thresholds.FailOn,
                ThresholdExceeded = failed.Any(f => f.Severity >= config.Thresholds.FailOn),
                UnavailableChecks = string.Join(", ", outcomes.SelectMany(o => o.UnavailableChecks).Distinct()),
            };
        }
    }
}
