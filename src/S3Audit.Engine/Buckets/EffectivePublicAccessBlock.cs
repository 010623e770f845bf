using System;

namespace S3Audit.Engine.Buckets
{
    /// <summary>One effective Block Public Access flag: on, off or unknown, and at which level it is on.</summary>
    public sealed class EffectiveFlag
    {
        internal EffectiveFlag(bool? value, string levels, string reason)
        {
            Value = value;
            Levels = levels;
            Reason = reason;
        }

        /// <summary>True when on at any level; false when off everywhere it could be read; null when a level could not be read.</summary>
        public bool? Value { get; }
        /// <summary>"bucket", "account" or "bucket, account" where the flag is on.</summary>
        public string Levels { get; }
        /// <summary>Why the flag is unknown; empty otherwise.</summary>
        public string Reason { get; }
    }

    /// <summary>
    /// The effective Block Public Access: the most restrictive combination of the bucket and account levels, flag by
    /// flag. A level that does not exist on the provider, or has nothing configured, counts as all flags off.
    /// </summary>
    public sealed class EffectivePublicAccessBlock
    {
        /// <summary>Combines the two levels.</summary>
        public EffectivePublicAccessBlock(Readout<PublicAccessBlockFlags> bucket, Readout<PublicAccessBlockFlags> account)
        {
            Bucket = bucket;
            Account = account;
            BlockPublicAcls = Combine(f => f.BlockPublicAcls);
            IgnorePublicAcls = Combine(f => f.IgnorePublicAcls);
            BlockPublicPolicy = Combine(f => f.BlockPublicPolicy);
            RestrictPublicBuckets = Combine(f => f.RestrictPublicBuckets);
        }

        /// <summary>The bucket level as read.</summary>
        public Readout<PublicAccessBlockFlags> Bucket { get; }
        /// <summary>The account level as read.</summary>
        public Readout<PublicAccessBlockFlags> Account { get; }
        /// <summary>Effective BlockPublicAcls.</summary>
        public EffectiveFlag BlockPublicAcls { get; }
        /// <summary>Effective IgnorePublicAcls.</summary>
        public EffectiveFlag IgnorePublicAcls { get; }
        /// <summary>Effective BlockPublicPolicy.</summary>
        public EffectiveFlag BlockPublicPolicy { get; }
        /// <summary>Effective RestrictPublicBuckets.</summary>
        public EffectiveFlag RestrictPublicBuckets { get; }

        /// <summary>True when neither level exists on the provider.</summary>
        public bool NotSupported => Bucket.State == ReadState.NotSupported && Account.State == ReadState.NotSupported;

        /// <summary>"Bucket: ...; Account: ..." with each level's flags or state.</summary>
        public override string ToString() => $"Bucket: {Describe(Bucket)}; Account: {Describe(Account)}";

        private static string Describe(Readout<PublicAccessBlockFlags> level) => level.State switch
        {
            ReadState.Read => level.Value!.ToString(),
            ReadState.NotConfigured => "none",
            ReadState.NotSupported => "not supported",
            _ => "unknown (" + level.Reason + ")",
        };

        private EffectiveFlag Combine(Func<PublicAccessBlockFlags, bool> flag)
        {
            bool onBucket = Bucket.State == ReadState.Read && flag(Bucket.Value!);
            bool onAccount = Account.State == ReadState.Read && flag(Account.Value!);
            if (onBucket || onAccount)
            {
                return new EffectiveFlag(true, onBucket && onAccount ? "bucket, account" : onBucket ? "bucket" : "account", string.Empty);
            }

            if (Bucket.State == ReadState.Unknown || Account.State == ReadState.Unknown)
            {
                string reason = Bucket.State == ReadState.Unknown ? "bucket level: " + Bucket.Reason : "account level: " + Account.Reason;
                return new EffectiveFlag(null, string.Empty, reason);
            }

            return new EffectiveFlag(false, string.Empty, string.Empty);
        }
    }
}
