namespace S3Audit.TestSupport;

/// <summary>Findings and summaries for the HTML report tests, with counts computed here (not by the engine) as the oracle.</summary>
public static class ReportSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The hostile strings of issue 16's XSS corpus: markup, attribute breakouts, a script URL, a script end
    /// inside what becomes inline JSON, line separators that end a JavaScript string, and an HTML comment opener.</summary>
    public static readonly string[] Corpus =
    {
        "<script>alert('bucket')</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(document.domain)",
        "Mozilla/5.0 </script><script>alert('ua')</script>",
        "'><svg onload=alert(2)>",
        "a\u2028b\u2029c <!-- d",
        "&lt;already-escaped&gt; & </style><style>body{display:none}</style>",
    };

    /// <summary>A varied set: every severity, Unknown results, drift of every kind, target-level findings.</summary>
    public static List<S3AuditFinding> Varied(int count)
    {
        var severities = new[] { S3AuditSeverity.Critical, S3AuditSeverity.High, S3AuditSeverity.Medium, S3AuditSeverity.Low, S3AuditSeverity.Info };
        var statuses = new[] { S3AuditDriftStatus.New, S3AuditDriftStatus.Unchanged, S3AuditDriftStatus.Resolved, S3AuditDriftStatus.NotRechecked };
        var checks = new[] { ("exposure", "PublicAcl"), ("posture", "VersioningOff"), ("logging", "LoggingOff"), ("logAnomalies", "AnonymousAccess"), ("credentials", "KeyNotRotated") };
        return Enumerable.Range(0, count).Select(i => new S3AuditFinding
        {
            Target = i % 3 == 0 ? "prod-gva" : "backup-zrh",
            BucketName = i % 11 == 0 ? string.Empty : $"bucket-{i % 7:D2}",
            Check = checks[i % checks.Length].Item1,
            Rule = checks[i % checks.Length].Item2,
            Resource = i % 4 == 0 ? $"key {i}" : string.Empty,
            Severity = severities[i % severities.Length],
            Result = i % 9 == 4 ? S3AuditResult.Unknown : S3AuditResult.Fail,
            Status = statuses[i % statuses.Length],
            Detail = $"Finding {i}: something about bucket-{i % 7:D2}.",
            Remediation = i % 5 == 0 ? string.Empty : $"Fix {i}.\nThen re-check.",
            FirstSeen = Start.AddDays(-(i % 3)),
            Provider = S3Provider.Ceph,
        }).ToList();
    }

    /// <summary>The summary Invoke-S3Audit would write for these findings, counted independently of the engine.</summary>
    public static S3AuditRunSummary SummaryOf(IReadOnlyList<S3AuditFinding> findings, string baselinePath = "/reports/s3audit-2026-11-20.json")
    {
        var open = findings.Where(f => f.Status != S3AuditDriftStatus.Resolved).ToList();
        var failed = open.Where(f => f.Result == S3AuditResult.Fail).ToList();
        return new S3AuditRunSummary
        {
            ConfigPath = "/etc/s3audit/nightly.yml",
            StartTime = Start,
            EndTime = Start.AddMinutes(3).AddSeconds(12),
            TargetCount = 3,
            CompleteTargets = "prod-gva, backup-zrh",
            IncompleteTargets = "lyve-us (Target 'lyve-us': ListBuckets on the account failed: access denied; check the key)",
            BucketCount = 7,
            FindingCount = open.Count,
            CriticalCount = failed.Count(f => f.Severity == S3AuditSeverity.Critical),
            HighCount = failed.Count(f => f.Severity == S3AuditSeverity.High),
            MediumCount = failed.Count(f => f.Severity == S3AuditSeverity.Medium),
            LowCount = failed.Count(f => f.Severity is S3AuditSeverity.Low or S3AuditSeverity.Info),
            UnknownCount = open.Count(f => f.Result == S3AuditResult.Unknown),
            NewCount = open.Count(f => f.Status == S3AuditDriftStatus.New),
            ResolvedCount = findings.Count(f => f.Status == S3AuditDriftStatus.Resolved),
            MinimumSeverity = S3AuditSeverity.Low,
            FailOn = S3AuditSeverity.High,
            ThresholdExceeded = failed.Any(f => f.Severity >= S3AuditSeverity.High),
            BaselinePath = baselinePath,
            OutputFiles = "/reports/s3audit-2026-11-21.csv; /reports/s3audit-2026-11-21.html",
            LogActivity = new[]
            {
                new S3AuditLogActivity
                {
                    Target = "prod-gva", BucketName = "bucket-03", StartTime = Start.AddHours(-24), EndTime = Start, Requests = 60, Errors = 25,
                    RequestsPerHour = Enumerable.Range(0, 24).Select(h => h == 20 ? 37 : 1).ToArray(),
                    ErrorsPerHour = Enumerable.Range(0, 24).Select(h => h == 20 ? 25 : 0).ToArray(),
                },
            },
        };
    }
}
