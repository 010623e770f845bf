using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>
    /// Compares findings with a baseline run. A finding is identified by Target, BucketName, Check and Rule. Present
    /// now and open in the baseline: Unchanged (FirstSeen kept); present now only: New; open in the baseline only:
    /// Resolved when its target was audited completely, NotRechecked when not (an error may have hidden it).
    /// Baseline findings that were already Resolved are history and do not count.
    /// </summary>
    internal sealed class DriftTracker
    {
        private readonly Dictionary<string, S3AuditFinding> _baseline;

        public DriftTracker(IEnumerable<S3AuditFinding>? baseline)
        {
            _baseline = new Dictionary<string, S3AuditFinding>(StringComparer.Ordinal);
            foreach (S3AuditFinding finding in baseline ?? Enumerable.Empty<S3AuditFinding>())
            {
                if (finding.Status != S3AuditDriftStatus.Resolved)
                {
                    _baseline[KeyOf(finding)] = finding;
                }
            }
        }

        public static string KeyOf(S3AuditFinding finding) =>
            string.Join("\u001f", finding.Target.ToLowerInvariant(), finding.BucketName, finding.Check, finding.Rule);

        /// <summary>Classifies one target's findings and appends its baseline findings that did not come back.</summary>
        public List<S3AuditFinding> Classify(string target, bool targetComplete, IEnumerable<S3AuditFinding> current, DateTimeOffset now)
        {
            var result = new List<S3AuditFinding>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (S3AuditFinding finding in current)
            {
                string key = KeyOf(finding);
                if (!seen.Add(key))
                {
                    continue;
                }

                bool known = _baseline.TryGetValue(key, out S3AuditFinding? before);
                finding.Status = known ? S3AuditDriftStatus.Unchanged : S3AuditDriftStatus.New;
                finding.FirstSeen = known ? before!.FirstSeen : now;
                result.Add(finding);
            }

            foreach (KeyValuePair<string, S3AuditFinding> old in _baseline.Where(b => string.Equals(b.Value.Target, target, StringComparison.OrdinalIgnoreCase) && !seen.Contains(b.Key)))
            {
                result.Add(Copy(old.Value, targetComplete ? S3AuditDriftStatus.Resolved : S3AuditDriftStatus.NotRechecked));
            }

            return result;
        }

        private static S3AuditFinding Copy(S3AuditFinding f, S3AuditDriftStatus status) => new S3AuditFinding
        {
            Target = f.Target,
            BucketName = f.BucketName,
            Check = f.Check,
            Rule = f.Rule,
            Severity = f.Severity,
            Result = f.Result,
            Status = status,
            Detail = f.Detail,
            Remediation = f.Remediation,
            FirstSeen = f.FirstSeen,
            Provider = f.Provider,
        };
    }
}
