using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>One anomaly found in a bucket's audit events.</summary>
    public sealed class LogAnomaly
    {
        internal LogAnomaly(string rule, string resource, S3AuditSeverity severity, string detail, string remediation)
        {
            Rule = rule;
            Resource = resource;
            Severity = severity;
            Detail = detail;
            Remediation = remediation;
        }

        /// <summary>AnonymousAccess, AccessDeniedBurst or MassDelete.</summary>
        public string Rule { get; }
        /// <summary>Who: "anonymous", a remote address or a requester.</summary>
        public string Resource { get; }
        /// <summary>How serious.</summary>
        public S3AuditSeverity Severity { get; }
        /// <summary>Counts, times and an example.</summary>
        public string Detail { get; }
        /// <summary>What to do.</summary>
        public string Remediation { get; }
    }

    /// <summary>
    /// What the logAnomalies check looks for in a backup bucket's recent audit events: successful anonymous requests
    /// (a backup store should have none), a burst of AccessDenied answers from one address (probing or a broken
    /// client), and mass deletion by one requester (the pattern of ransomware and of a runaway cleanup job).
    /// </summary>
    public static class LogAnomalyRules
    {
        /// <summary>AccessDenied answers from one remote address that make a burst.</summary>
        public const int AccessDeniedBurst = 20;
        /// <summary>Delete requests by one requester that make a mass deletion.</summary>
        public const int MassDelete = 100;

        /// <summary>The anomalies in <paramref name="entries"/> (one bucket's events over the window).</summary>
        public static IReadOnlyList<LogAnomaly> Evaluate(IEnumerable<S3AuditLogEntry> entries)
        {
            List<S3AuditLogEntry> events = entries.ToList();
            var anomalies = new List<LogAnomaly>();

            List<S3AuditLogEntry> anonymous = events.Where(e => e.Requester.Length == 0 && e.HttpStatus >= 200 && e.HttpStatus < 300).ToList();
            if (anonymous.Count > 0)
            {
                S3AuditLogEntry first = anonymous.OrderBy(e => e.Time).First();
                anomalies.Add(new LogAnomaly("AnonymousAccess", "anonymous", S3AuditSeverity.High,
                    $"{anonymous.Count} successful anonymous request(s) between {Span(anonymous)}, from {Distinct(anonymous, e => e.RemoteIp)} address(es); first: {first.Operation} '{first.Key}' from {first.RemoteIp}, user agent '{first.UserAgent}'.",
                    "Find what makes the bucket public (Test-S3PublicExposure -Detailed) and remove it; check what was read."));
            }

            foreach (IGrouping<string, S3AuditLogEntry> denied in events.Where(e => e.HttpStatus == 403).GroupBy(e => e.RemoteIp).Where(g => g.Count() >= AccessDeniedBurst))
            {
                anomalies.Add(new LogAnomaly("AccessDeniedBurst", denied.Key, S3AuditSeverity.Medium,
                    $"{denied.Count()} AccessDenied answers to {denied.Key} between {Span(denied)} ({Top(denied, e => e.Operation)}); requester(s): {Top(denied, e => e.Requester.Length == 0 ? "anonymous" : e.Requester)}.",
                    "Find out who uses that address: a client with stale or wrong credentials, or someone probing the bucket."));
            }

            foreach (IGrouping<string, S3AuditLogEntry> deletes in events.Where(IsDelete).GroupBy(e => e.Requester.Length == 0 ? "anonymous" : e.Requester).Where(g => g.Count() >= MassDelete))
            {
                anomalies.Add(new LogAnomaly("MassDelete", deletes.Key, S3AuditSeverity.High,
                    $"{deletes.Count()} delete request(s) by {deletes.Key} between {Span(deletes)} from {Distinct(deletes, e => e.RemoteIp)} address(es).",
                    "Confirm the deletions were intended; if not, disable the identity's keys and restore from versions or object-lock retention."));
            }

            return anomalies;
        }

        private static bool IsDelete(S3AuditLogEntry e) =>
            e.HttpStatus >= 200 && e.HttpStatus < 300 && e.Operation.StartsWith("DeleteObject", StringComparison.Ordinal);

        private static string Span(IEnumerable<S3AuditLogEntry> events) =>
            $"{events.Min(e => e.Time):u} and {events.Max(e => e.Time):u}";

        private static int Distinct(IEnumerable<S3AuditLogEntry> events, Func<S3AuditLogEntry, string> by) =>
            events.Select(by).Distinct(StringComparer.Ordinal).Count();

        private static string Top(IEnumerable<S3AuditLogEntry> events, Func<S3AuditLogEntry, string> by) =>
            string.Join(", ", events.GroupBy(by).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Key} x{g.Count()}"));
    }
}
