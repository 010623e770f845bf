using System;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Security;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// Turns the facts about an identity into rows with findings (one row per key, or one without keys).
    /// Thresholds follow CIS and Prowler: rotation after 90 days, unused after 45.
    /// </summary>
    public static class CredentialRules
    {
        /// <summary>Finding names and their severities.</summary>
        public static readonly IReadOnlyDictionary<string, S3AuditSeverity> Severities = new Dictionary<string, S3AuditSeverity>
        {
            ["RootAccessKey"] = S3AuditSeverity.Critical,
            ["FullAdminAccess"] = S3AuditSeverity.Critical,
            ["AnyoneCanAssume"] = S3AuditSeverity.Critical,
            ["FullS3Access"] = S3AuditSeverity.High,
            ["ConsoleWithoutMfa"] = S3AuditSeverity.High,
            ["KeyNotRotated"] = S3AuditSeverity.Medium,
            ["KeyUnused"] = S3AuditSeverity.Medium,
            ["TwoActiveKeys"] = S3AuditSeverity.Medium,
            ["KeyNeverUsed"] = S3AuditSeverity.Low,
        };

        /// <summary>What to do about each finding, for Invoke-S3Audit.</summary>
        internal static readonly IReadOnlyDictionary<string, string> Remediations = new Dictionary<string, string>
        {
            ["RootAccessKey"] = "Delete the root user's access keys; use IAM users or roles with least privilege.",
            ["FullAdminAccess"] = "Replace the administrator policy with one limited to the actions and buckets the identity needs.",
            ["AnyoneCanAssume"] = "Restrict the role's trust policy to named principals, with conditions.",
            ["FullS3Access"] = "Replace s3:* with the actions and buckets the identity needs (New-S3ReadOnlyLogPolicy, New-S3LogStoragePolicy).",
            ["ConsoleWithoutMfa"] = "Enable MFA for the console user, or remove its password.",
            ["KeyNotRotated"] = "Create a new access key, switch the clients to it, then deactivate and delete the old one.",
            ["KeyUnused"] = "Deactivate the unused key, and delete it if nothing breaks.",
            ["TwoActiveKeys"] = "Keep one active key per user; deactivate the other after rotation.",
            ["KeyNeverUsed"] = "Delete access keys that are never used.",
        };

        /// <summary>The rows of one identity.</summary>
        public static IEnumerable<S3AuditCredential> Evaluate(IdentityFacts identity, CredentialReviewRequest request, S3Provider provider, DateTimeOffset now)
        {
            var identityFindings = new List<string>();
            int activeKeys = identity.Keys.Count(k => k.IsActive);
            bool root = identity.IdentityType == "Root";
            if (root && activeKeys > 0) identityFindings.Add("RootAccessKey");
            if ((identity.PasswordEnabled == true || root) && identity.MfaActive == false) identityFindings.Add("ConsoleWithoutMfa");
            if (activeKeys > 1) identityFindings.Add("TwoActiveKeys");
            // The root user can do everything by definition; its keys are what RootAccessKey names.
            if (!root && identity.Access.FullAdmin) identityFindings.Add("FullAdminAccess");
            else if (!root && identity.Access.FullS3) identityFindings.Add("FullS3Access");
            if (identity.AnyoneCanAssume) identityFindings.Add("AnyoneCanAssume");

            if (identity.Keys.Count == 0)
            {
                S3AuditCredential row = Row(identity, provider, identityFindings);
                row.KeyStatus = identity.Status;
                yield return row;
                yield break;
            }

            foreach (KeyFacts key in identity.Keys)
            {
                var findings = new List<string>(identityFindings);
                int? age = key.Created.HasValue ? Days(now - key.Created.Value) : (int?)null;
                int? sinceUse = key.LastUsed.HasValue ? Days(now - key.LastUsed.Value) : key.LastUseKnown ? age : null;
                if (key.IsActive)
                {
                    if (age > request.MaxKeyAgeDays) findings.Add($"KeyNotRotated ({age} days > {request.MaxKeyAgeDays})");
                    if (key.LastUseKnown && !key.LastUsed.HasValue) findings.Add("KeyNeverUsed");
                    else if (key.LastUsed.HasValue && sinceUse > request.MaxUnusedDays) findings.Add($"KeyUnused ({sinceUse} days > {request.MaxUnusedDays})");
                }

                S3AuditCredential row = Row(identity, provider, findings);
                row.AccessKeyId = SecretMasker.MaskAccessKey(key.AccessKeyId);
                row.KeyStatus = key.Status;
                row.KeyCreated = key.Created;
                row.KeyAgeDays = age;
                row.KeyLastUsed = key.LastUsed;
                row.KeyLastUsedService = key.LastUseKnown ? (key.LastUsed.HasValue ? key.LastUsedService : "N/A") : string.Empty;
                row.DaysSinceLastUse = sinceUse;
                yield return row;
            }
        }

        private static S3AuditCredential Row(IdentityFacts identity, S3Provider provider, List<string> findings) => new S3AuditCredential
        {
            Provider = provider,
            IdentityType = identity.IdentityType,
            UserName = identity.UserName,
            UserArn = identity.Arn,
            UserCreated = identity.Created,
            PasswordEnabled = identity.PasswordEnabled,
            PasswordLastUsed = identity.PasswordLastUsed,
            MfaActive = identity.MfaActive,
            Groups = string.Join("; ", identity.Groups),
            S3Access = identity.AccessText ?? identity.Access.ToString(),
            FullS3Access = identity.Access.FullS3,
            FullAdminAccess = identity.Access.FullAdmin,
            Findings = string.Join("; ", findings),
            FindingCount = findings.Count,
            Severity = findings.Select(SeverityOf).DefaultIfEmpty(S3AuditSeverity.None).Max(),
            Source = identity.Source,
        };

        /// <summary>The rule a finding names: "KeyUnused (50 days > 45)" gives KeyUnused.</summary>
        internal static string RuleOf(string finding)
        {
            int space = finding.IndexOf(' ');
            return space > 0 ? finding.Substring(0, space) : finding;
        }

        /// <summary>The finding's severity; Low for a rule without one.</summary>
        internal static S3AuditSeverity SeverityOf(string finding) =>
            Severities.TryGetValue(RuleOf(finding), out S3AuditSeverity s) ? s : S3AuditSeverity.Low;

        private static int Days(TimeSpan span) => Math.Max(0, (int)Math.Floor(span.TotalDays));
    }
}
