using System;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Audit.Config;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>Counts a run's findings and names its incomplete targets.</summary>
    internal static class RunSummary
    {
        public static S3AuditRunSummary Create(AuditConfig config, DateTimeOffset start, IReadOnlyList<TargetOutcome> outcomes, IReadOnlyList<S3AuditFinding> findings, string? baselinePath)
        {
            FindingCounts counts = FindingCounts.Of(findings);
            return new S3AuditRunSummary
            {
                ConfigPath = config.Path,
                StartTime = start,
                EndTime = start,
                TargetCount = outcomes.Count,
                CompleteTargets = string.Join(", ", outcomes.Where(o => o.Complete).Select(o => o.Name)),
                IncompleteTargets = string.Join("; ", outcomes.Where(o => !o.Complete).Select(o => $"{o.Name} ({o.FirstError})")),
                BucketCount = outcomes.Sum(o => o.BucketCount),
                FindingCount = counts.Open,
                CriticalCount = counts.Critical,
                HighCount = counts.High,
                MediumCount = counts.Medium,
                LowCount = counts.Low,
                UnknownCount = counts.Unknown,
                NewCount = counts.New,
                ResolvedCount = counts.Resolved,
                MinimumSeverity = config.Thresholds.MinimumSeverity,
                FailOn = config.Thresholds.FailOn,
                ThresholdExceeded = counts.Exceeds(config.Thresholds.FailOn),
                UnavailableChecks = string.Join(", ", outcomes.SelectMany(o => o.UnavailableChecks).Distinct()),
                BaselinePath = baselinePath ?? string.Empty,
                LogActivity = outcomes.SelectMany(o => o.Activity).ToArray(),
            };
        }
    }
}
