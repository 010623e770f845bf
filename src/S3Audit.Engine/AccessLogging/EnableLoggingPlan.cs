using System.Collections.Generic;
using System.Text;
using Amazon.S3.Model;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// Everything Enable-S3AccessLogging would write for one source bucket, worked out from reads only.
    /// Show <see cref="Preview"/> for -WhatIf; pass the plan to <see cref="AccessLoggingEnabler.ApplyAsync"/> to write it.
    /// </summary>
    public sealed class EnableLoggingPlan : LoggingPlan
    {
        internal EnableLoggingPlan(EnableLoggingRequest request, S3Provider provider, string sourceAccount, CurrentLogging current)
            : base(provider, current)
        {
            Request = request;
            SourceAccount = sourceAccount;
        }

        /// <summary>What was asked.</summary>
        public EnableLoggingRequest Request { get; }
        /// <summary>The account named in aws:SourceAccount.</summary>
        public string SourceAccount { get; }
        /// <inheritdoc />
        public override bool LoggingChanges => !Current.Matches(Request.TargetBucketName, Request.EffectivePrefix, Request.KeyFormat);
        /// <summary>True when the target's ACL would be written (-UseAclGrant).</summary>
        public bool AclChanges => AclRequest != null;
        /// <inheritdoc />
        public override bool PermissionChanges => PolicyChanges || AclChanges;

        internal PutBucketAclRequest? AclRequest { get; set; }
        internal List<S3Grant> AclBefore { get; set; } = new List<S3Grant>();

        /// <summary>The logging configuration and the permission change, with the policy diff, as text.</summary>
        private protected override string BuildPreview()
        {
            EnableLoggingRequest r = Request;
            var text = new StringBuilder();
            text.AppendLine(LoggingChanges
                ? $"PutBucketLogging on '{r.BucketName}': TargetBucket={r.TargetBucketName} TargetPrefix={r.EffectivePrefix} KeyFormat={r.KeyFormat} (now: {(Current.Enabled ? Current.Describe() : "logging off")})"
                : $"Logging of '{r.BucketName}' is already {Current.Describe()}: unchanged.");
            if (r.UseAclGrant)
            {
                text.AppendLine(AclChanges
                    ? $"PutBucketAcl on '{r.TargetBucketName}': every existing grant kept, plus WRITE and READ_ACP for the LogDelivery group."
                    : $"The ACL of '{r.TargetBucketName}' already grants the LogDelivery group: unchanged.");
            }
            else if (PolicyChanges)
            {
                text.AppendLine($"PutBucketPolicy on '{r.TargetBucketName}' (statement {LoggingPolicyMerger.StatementId}; {LoggingPolicyMerger.OtherStatements(PolicyBefore).Count} other statement(s) kept as they are):");
                text.AppendLine(PolicyDiff.Describe(PolicyBefore, PolicyAfter));
            }
            else
            {
                text.AppendLine($"The policy of '{r.TargetBucketName}' already grants delivery from '{r.BucketName}': unchanged.");
            }

            return text.ToString().TrimEnd();
        }

        private protected override S3AccessLoggingResult Row() => new S3AccessLoggingResult
        {
            BucketName = Request.BucketName,
            TargetBucketName = Request.TargetBucketName,
            TargetPrefix = Request.EffectivePrefix,
            KeyFormat = Request.KeyFormat,
            PermissionMethod = Request.UseAclGrant ? S3AccessLoggingPermission.Acl : S3AccessLoggingPermission.BucketPolicy,
            PolicyStatementId = Request.UseAclGrant ? string.Empty : LoggingPolicyMerger.StatementId,
        };
    }
}
