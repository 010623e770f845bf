namespace S3Audit.Benchmarks;

/// <summary>
/// A large audit run, deterministic: three targets, 400 buckets each, findings of every check with the detail and
/// remediation texts (and lengths) the real checks write, a few Unknown results, drift, and 24 hours of access-log
/// activity for 60 buckets.
/// </summary>
internal static class HtmlReportData
{
    private static readonly (string Check, string Rule, S3AuditSeverity Severity, string Detail, string Remediation)[] Kinds =
    {
        ("exposure", "PublicAcl", S3AuditSeverity.High, "The bucket ACL grants READ to AllUsers (anyone, signed or not). Actions: READ.", "Remove the grant to AllUsers from the ACL of the bucket (for example a canned 'private' ACL)."),
        ("posture", "BlockPublicAccessIncomplete", S3AuditSeverity.High, "Block Public Access is not fully on: Effective flags: BlockPublicAcls False, IgnorePublicAcls False, BlockPublicPolicy False, RestrictPublicBuckets False (Bucket: none; Account: not supported).", "Turn on all four Block Public Access flags, at the account level where possible."),
        ("posture", "VersioningOff", S3AuditSeverity.Medium, "Versioning is Off: an overwritten or deleted object cannot be recovered.", "Enable versioning (and object lock for backups that must survive ransomware)."),
        ("posture", "NoDefaultEncryption", S3AuditSeverity.Medium, "No default encryption is configured: objects uploaded without an encryption header are stored unencrypted.", "Set default encryption (SSE-S3, or SSE-KMS with a customer key)."),
        ("posture", "NoSecureTransportPolicy", S3AuditSeverity.Medium, "No bucket policy denies requests over plain HTTP (aws:SecureTransport false).", "Add a Deny statement for aws:SecureTransport false on the bucket and its objects."),
        ("logging", "LoggingOff", S3AuditSeverity.Medium, "Server access logging is off: requests to the bucket leave no trace.", "Turn on access logging (Enable-S3AccessLogging) to a separate log bucket."),
        ("logAnomalies", "AccessDeniedBurst", S3AuditSeverity.Medium, "34 AccessDenied answers to 203.0.113.7 between 2026-11-20 23:12:01Z and 2026-11-20 23:14:55Z (GetObject x30, ListObjects x4); requester(s): anonymous x34.", "Find out who uses that address: a client with stale or wrong credentials, or someone probing the bucket."),
        ("credentials", "KeyNotRotated", S3AuditSeverity.Low, "Access key ****WXYZ of backup-writer is 212 days old (limit 90).", "Create a new key, move the clients to it, then deactivate and delete the old one."),
    };

    public static (S3AuditRunSummary Summary, List<S3AuditFinding> Findings) Create(int count)
    {
        var start = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        string[] targets = { "exo-gva", "lyve-us-east", "rgw-onprem" };
        var findings = new List<S3AuditFinding>(count);
        for (int i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            bool unknown = i % 97 == 0;
            findings.Add(new S3AuditFinding
            {
                Target = targets[i % targets.Length],
                BucketName = $"backup-{(i / 3) % 400:D4}-veeam-repo",
                Check = kind.Check,
                Rule = unknown ? "CheckFailed" : kind.Rule,
                Resource = kind.Check == "credentials" ? "backup-writer (****WXYZ)" : kind.Check == "logAnomalies" ? "203.0.113.7" : string.Empty,
                Severity = unknown ? S3AuditSeverity.Info : i % 53 == 0 ? S3AuditSeverity.Critical : kind.Severity,
                Result = unknown ? S3AuditResult.Unknown : S3AuditResult.Fail,
                Status = (i % 10) switch { 0 => S3AuditDriftStatus.New, 1 => S3AuditDriftStatus.Resolved, _ => S3AuditDriftStatus.Unchanged },
                Detail = unknown ? "The check 'posture' stopped with an error, so its results are incomplete." : kind.Detail,
                Remediation = unknown ? "See the error for the cause and run again." : kind.Remediation,
                FirstSeen = start.AddDays(-(i % 30)),
                Provider = S3Provider.Ceph,
            });
        }

        var summary = new S3AuditRunSummary
        {
            ConfigPath = "/etc/s3audit/nightly.yml", StartTime = start, EndTime = start.AddMinutes(41), TargetCount = 3,
            CompleteTargets = string.Join(", ", targets), BucketCount = 1200, FindingCount = findings.Count(f => f.Status != S3AuditDriftStatus.Resolved),
            FailOn = S3AuditSeverity.High, ThresholdExceeded = true, BaselinePath = "/srv/reports/s3audit-2026-11-20.json",
            LogActivity = Enumerable.Range(0, 60).Select(b => new S3AuditLogActivity
            {
                Target = targets[b % 3], BucketName = $"backup-{b:D4}-veeam-repo", StartTime = start.AddHours(-24), EndTime = start,
                RequestsPerHour = Enumerable.Range(0, 24).Select(h => (h * 37 + b * 11) % 500).ToArray(),
                ErrorsPerHour = Enumerable.Range(0, 24).Select(h => (h + b) % 7 == 0 ? 40 : 0).ToArray(),
            }).ToArray(),
        };
        foreach (S3AuditLogActivity a in summary.LogActivity)
        {
            a.Requests = a.RequestsPerHour.Sum();
            a.Errors = a.ErrorsPerHour.Sum();
        }

        return (summary, findings);
    }
}
