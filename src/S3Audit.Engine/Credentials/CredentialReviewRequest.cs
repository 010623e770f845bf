using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Credentials
{
    /// <summary>What Get-S3AuditCredential (or Invoke-S3Audit) asks the credential review for.</summary>
    public sealed class CredentialReviewRequest
    {
        /// <summary>A key older than this many days is "not rotated" (CIS / Prowler: 90).</summary>
        public int MaxKeyAgeDays { get; set; } = 90;
        /// <summary>An active key unused for longer than this many days is "unused" (CIS / Prowler: 45).</summary>
        public int MaxUnusedDays { get; set; } = 45;
        /// <summary>Also review roles (anyone can assume; broad S3 access).</summary>
        public bool IncludeRoles { get; set; }
        /// <summary>Names or wildcards of users, roles, service accounts or keys; every one when empty.</summary>
        public IList<string> UserNames { get; set; } = new List<string>();
        /// <summary>The IAM endpoint; defaults to the session's custom endpoint (Ceph) or https://iam.amazonaws.com.</summary>
        public Uri? IamEndpoint { get; set; }
        /// <summary>Per-user requests in flight at once.</summary>
        public int ThrottleLimit { get; set; } = 4;
        /// <summary>"Now" for ages (tests set it).</summary>
        public DateTimeOffset? Now { get; set; }
        /// <summary>How long to wait for GenerateCredentialReport to complete, in polls of two seconds.</summary>
        public int ReportPolls { get; set; } = 10;

        /// <summary>True when <see cref="UserNames"/> is empty or one of its names or wildcards matches.</summary>
        public bool Selects(string name)
        {
            // Compiled once, on first use: the patterns are set before a review starts.
            _patterns ??= Text.Wildcard.CompileAll(UserNames);
            return _patterns.Length == 0 || Text.Wildcard.AnyMatch(_patterns, name);
        }

        private Text.Wildcard[]? _patterns;

        /// <summary>Throws <see cref="ArgumentException"/> for nonsense thresholds.</summary>
        public void Validate()
        {
            if (MaxKeyAgeDays < 1 || MaxUnusedDays < 1)
            {
                throw new ArgumentException("-MaxKeyAgeDays and -MaxUnusedDays must be at least 1.");
            }
        }
    }
}
