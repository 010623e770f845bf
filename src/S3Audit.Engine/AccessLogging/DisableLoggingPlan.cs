using System.Text;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>Everything Disable-S3AccessLogging would write for one source bucket, worked out from reads only.</summary>
    public sealed class DisableLoggingPlan
    {
        internal DisableLoggingPlan(DisableLoggingRequest request, S3Provider provider, CurrentLogging current, string target, string prefix)
        {
            Request = request;
            Provider = provider;
            Current = current;
            TargetBucketName = target;
            TargetPrefix = prefix;
        }

        /// <summary>What was asked.</summary>
        public DisableLoggingRequest Request { get; }
        /// <summary>The provider.</summary>
        public S3Provider Provider { get; }
        /// <summary>The target whose permission is considered.</summary>
        public string TargetBucketName { get; }
        /// <summary>The prefix the source logged under.</summary>
        public string TargetPrefix { get; }
        /// <summary>The target's policy before.</summary>
        public string? PolicyBefore { get; internal set; }
        /// <summary>The target's policy after; null with <see cref="PolicyChanges"/> means the policy is deleted.</summary>
        public string? PolicyAfter { get; internal set; }
        /// <summary>True when the target's policy would be written or deleted.</summary>
        public bool PolicyChanges { get; internal set; }
        /// <summary>True when logging is on and would be turned off.</summary>
        public bool LoggingChanges => Current.Enabled;
        /// <summary>True when anything would be written.</summary>
        public bool HasChanges => PolicyChanges || LoggingChanges;

        internal CurrentLogging Current { get; }

        /// <summary>The changes as text, with the policy diff.</summary>
        public string Preview()
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

        /// <summary>The result row for this plan with the given action.</summary>
        public S3AccessLoggingResult Result(S3AccessLoggingAction action) => new S3AccessLoggingResult
        {
            BucketName = Request.BucketName,
            TargetBucketName = TargetBucketName,
            TargetPrefix = TargetPrefix,
            KeyFormat = Current.Enabled ? Current.KeyFormat : string.Empty,
            Action = action,
            PermissionMethod = Request.RemovePermission ? S3AccessLoggingPermission.BucketPolicy : S3AccessLoggingPermission.None,
            PolicyStatementId = Request.RemovePermission ? LoggingPolicyMerger.StatementId : string.Empty,
            PermissionChanged = action != S3AccessLoggingAction.WhatIf && PolicyChanges,
            LoggingChanged = action != S3AccessLoggingAction.WhatIf && LoggingChanges,
            PreviousTarget = Current.Describe(),
            Provider = Provider,
        };
    }
}
