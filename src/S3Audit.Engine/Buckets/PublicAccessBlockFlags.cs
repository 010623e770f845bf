using System.Collections.Generic;

namespace S3Audit.Engine.Buckets
{
    /// <summary>The four Block Public Access flags of one level (bucket or account).</summary>
    public sealed class PublicAccessBlockFlags
    {
        /// <summary>Creates the flags.</summary>
        public PublicAccessBlockFlags(bool blockPublicAcls, bool ignorePublicAcls, bool blockPublicPolicy, bool restrictPublicBuckets)
        {
            BlockPublicAcls = blockPublicAcls;
            IgnorePublicAcls = ignorePublicAcls;
            BlockPublicPolicy = blockPublicPolicy;
            RestrictPublicBuckets = restrictPublicBuckets;
        }

        /// <summary>New public ACLs are rejected.</summary>
        public bool BlockPublicAcls { get; }
        /// <summary>Existing public ACLs are ignored (governs the ACL path).</summary>
        public bool IgnorePublicAcls { get; }
        /// <summary>New public policies are rejected.</summary>
        public bool BlockPublicPolicy { get; }
        /// <summary>A public policy only admits service principals and the owner's account (governs the policy path).</summary>
        public bool RestrictPublicBuckets { get; }

        /// <summary>The names of the flags that are on, or "none".</summary>
        public override string ToString()
        {
            var on = new List<string>();
            if (BlockPublicAcls) on.Add(nameof(BlockPublicAcls));
            if (IgnorePublicAcls) on.Add(nameof(IgnorePublicAcls));
            if (BlockPublicPolicy) on.Add(nameof(BlockPublicPolicy));
            if (RestrictPublicBuckets) on.Add(nameof(RestrictPublicBuckets));
            return on.Count == 0 ? "none" : string.Join(", ", on);
        }
    }
}
