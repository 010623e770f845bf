using Amazon.S3.Model;
using S3Audit.Engine.Buckets;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>What a passed <see cref="LoggingPreflight"/> read that the plan reuses, so nothing is read twice.</summary>
    internal sealed class PreflightFindings
    {
        public PreflightFindings(string sourceAccount, SettingRead<GetBucketAclResponse> targetAcl)
        {
            SourceAccount = sourceAccount;
            TargetAcl = targetAcl;
        }

        /// <summary>The account for aws:SourceAccount.</summary>
        public string SourceAccount { get; }

        /// <summary>The target's ACL as read for the "same account" rule; -UseAclGrant merges into these grants.</summary>
        public SettingRead<GetBucketAclResponse> TargetAcl { get; }
    }
}
