using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Errors;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>
    /// The report rows of what could not be audited, so a report never looks clean by failing: Check "audit", Result
    /// Unknown, Severity Info (like every Unknown), Rule TargetFailed (a target not audited at all: no session, no bucket
    /// list, unreachable endpoint, rejected credentials) or BucketFailed (a bucket the target names that could not be read).
    /// </summary>
    internal static class FailureRows
    {
        /// <summary>The Check of failure rows.</summary>
        public const string Check = "audit";

        public static S3AuditFinding TargetFailed(AuditTarget target, AuditError error) => new S3AuditFinding
        {
            Target = target.Name,
            Check = Check,
            Rule = "TargetFailed",
            Severity = S3AuditSeverity.Info,
            Result = S3AuditResult.Unknown,
            Detail = $"The target was not audited ({error.ErrorId}): {error.Message}",
            Remediation = Remedy(error.Kind),
            Provider = target.Provider,
        };

        public static S3AuditFinding BucketFailed(AuditTarget target, S3Provider provider, string bucket, string reason) => new S3AuditFinding
        {
            Target = target.Name,
            BucketName = bucket,
            Check = Check,
            Rule = "BucketFailed",
            Severity = S3AuditSeverity.Info,
            Result = S3AuditResult.Unknown,
            Detail = "The bucket was not audited: " + reason,
            Remediation = "Check the bucket name in the target's buckets.include (it may have been deleted), then run again.",
            Provider = provider,
        };

        private static string Remedy(AuditErrorKind kind) => kind switch
        {
            AuditErrorKind.Connection => "Check the target's endpoint (scheme, host name, port), DNS, the network and the firewall, then run again.",
            AuditErrorKind.Timeout => "Check that the endpoint answers from this host, then run again.",
            AuditErrorKind.InvalidCredentials => "Check the target's keys (accessKeyVariable/secretKeyVariable, profile) and that they are active, then run again.",
            AuditErrorKind.AccessDenied => "Give the auditing identity s3:ListAllMyBuckets, or name the buckets in the target's buckets.include, then run again.",
            AuditErrorKind.InvalidArgument => "Correct the target in the profile, then run again.",
            _ => "See the error for the cause, then run again.",
        };
    }
}
