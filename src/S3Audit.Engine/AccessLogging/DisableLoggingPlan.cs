using System.Text;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>Everything Disable-S3AccessLogging would write for one source bucket, worked out from reads only.</summary>
    public sealed class DisableLoggingPlan : LoggingPlan
    {
        internal DisableLoggingPlan(DisableLoggingRequest request, S3Provider provider, CurrentLogging current, string target, string prefix)
            : base(provider, current)
        {
            Request = request;
            TargetBucketName = target;
            TargetPrefix = prefix;
        }

        /// <summary>What was asked.</summary>
        public DisableLoggingRequest Request { get; }
        /// <summary>The target whose permission is considered.</summary>
        public string TargetBucketName { get; }
        /// <summary>The prefix the source logged under.</summary>
        public string TargetPrefix { get; }
        /// <summary>True when logging is on and would be turned off.</summary>
        public override bool LoggingChanges => Current.Enabled;

        /// <inheritdoc />
        private protected override string BuildPreview()
        {
            var text = new StringBuilder();
            text.AppendLine(LoggingChanges
                ? $"PutBucketLogging on '{Request.BucketName}': empty BucketLoggingStatus (now: {Current.Describe()})"
                : $"Logging of '{Request.BucketName}' is already off: unchanged.");
            if (PolicyChanges)
            {
                text.AppendLine(PolicyAfter == null
                    ? $"DeleteBucketPolicy on '{TargetBucketName}': S3Audit's statement was its only statement."
                    : $"PutBucketPolicy on '{TargetBucketName}' ({LoggingPolicyMerger.OtherStatements(PolicyBefore).Count} other statement(s) kept as they are):");
                text.AppendLine(PolicyDiff.Describe(PolicyBefore, PolicyAfter));
            }

            return text.ToString().TrimEnd();
        }

        private protected override S3AccessLoggingResult Row() => new S3AccessLoggingResult
        {
            BucketName = Request.BucketName,
            TargetBucketName = TargetBucketName,
            TargetPrefix = TargetPrefix,
            KeyFormat = Current.Enabled ? Current.KeyFormat : string.Empty,
            PermissionMethod = Request.RemovePermission ? S3AccessLoggingPermission.BucketPolicy : S3AccessLoggingPermission.None,
            PolicyStatementId = Request.RemovePermission ? LoggingPolicyMerger.StatementId : string.Empty,
        };
    }
}
