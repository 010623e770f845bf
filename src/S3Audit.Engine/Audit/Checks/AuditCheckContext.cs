using System;
using System.Collections.Generic;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>What a check gets for one target, and where it reports. Thread-safe: checks may report from parallel work.</summary>
    public sealed class AuditCheckContext
    {
        private readonly IFindingSink _sink;

        internal AuditCheckContext(AuditTarget target, S3Session session, IReadOnlyList<string> buckets, AuditCheckSettings settings, AuditThresholds thresholds, IAuditOutput output, IFindingSink sink, BucketReviews reviews)
        {
            Target = target;
            Session = session;
            Buckets = buckets;
            Settings = settings;
            Thresholds = thresholds;
            Output = output;
            _sink = sink;
            Reviews = reviews;
        }

        /// <summary>The target (name, provider, endpoint).</summary>
        public AuditTarget Target { get; }
        /// <summary>An open session on the target; its Capabilities say what the provider has.</summary>
        public S3Session Session { get; }
        /// <summary>The buckets selected by the target's include/exclude wildcards.</summary>
        public IReadOnlyList<string> Buckets { get; }
        /// <summary>The check's options (logAnomalies: Hours).</summary>
        public AuditCheckSettings Settings { get; }
        /// <summary>The profile's thresholds (KeyMaxAgeDays, KeyUnusedDays ...).</summary>
        public AuditThresholds Thresholds { get; }
        /// <summary>Errors (they make the target incomplete), warnings and verbose messages of the run.</summary>
        public IAuditOutput Output { get; }
        /// <summary>The target's bucket reviews, shared by its checks so a bucket is read once.</summary>
        internal BucketReviews Reviews { get; }

        /// <summary>Reports a problem. <paramref name="bucketName"/> is empty for a finding about the whole target.</summary>
        public void Fail(string bucketName, string rule, S3AuditSeverity severity, string detail, string remediation) =>
            Report(bucketName, string.Empty, rule, severity, S3AuditResult.Fail, detail, remediation);

        /// <summary>Reports a problem about one thing inside a bucket or target (an identity, an object, a statement).</summary>
        public void Fail(string bucketName, string resource, string rule, S3AuditSeverity severity, string detail, string remediation) =>
            Report(bucketName, resource, rule, severity, S3AuditResult.Fail, detail, remediation);

        /// <summary>
        /// Reports that something could not be decided (never a pass). <paramref name="severity"/> is the severity of the
        /// rule that could not be decided; a finding about a whole check that could not run names no problem and is Info.
        /// </summary>
        public void Unknown(string bucketName, string rule, string detail, string remediation, S3AuditSeverity severity = S3AuditSeverity.Info) =>
            Report(bucketName, string.Empty, rule, severity, S3AuditResult.Unknown, detail, remediation);

        /// <summary>Reports how many requests a bucket's access logs show per hour of a window (logAnomalies), for the HTML report's chart.</summary>
        public void Activity(string bucketName, DateTimeOffset start, DateTimeOffset end, IEnumerable<S3AuditLogEntry> entries)
        {
            S3AuditLogActivity activity = HourlyActivity.Count(entries, start, end);
            activity.Target = Target.Name;
            activity.BucketName = bucketName;
            _sink.AddActivity(activity);
        }

        private void Report(string bucketName, string resource, string rule, S3AuditSeverity severity, S3AuditResult result, string detail, string remediation) =>
            _sink.Add(new S3AuditFinding
            {
                Target = Target.Name,
                BucketName = bucketName,
                Resource = resource,
                Check = Settings.Name,
                Rule = rule,
                Severity = severity,
                Result = result,
                Detail = detail,
                Remediation = remediation,
                Provider = Session.Provider,
            });
    }

    /// <summary>Receives findings from checks (the runner's per-target collector).</summary>
    internal interface IFindingSink
    {
        void Add(S3AuditFinding finding);

        void AddActivity(S3AuditLogActivity activity);
    }
}
