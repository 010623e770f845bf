using System.Collections.Generic;
using S3Audit.Engine.Buckets;

namespace S3Audit.Engine.Exposure
{
    /// <summary>What a public configuration on one path amounts to once Block Public Access and Object Ownership are applied.</summary>
    internal sealed class ExposureMask
    {
        private ExposureMask(S3ExposureLevel level, string maskedBy, string why)
        {
            Level = level;
            MaskedBy = maskedBy;
            Why = why;
        }

        /// <summary>Public, Latent (masked) or Unknown (the masking setting could not be read).</summary>
        public S3ExposureLevel Level { get; }
        /// <summary>The masking settings, when Latent.</summary>
        public string MaskedBy { get; }
        /// <summary>A sentence to append to the finding's reason; empty when Public.</summary>
        public string Why { get; }

        /// <summary>ACLs (bucket and object): IgnorePublicAcls at either level, or BucketOwnerEnforced, hides them.</summary>
        public static ExposureMask ForAcl(ObjectOwnershipState ownership, EffectivePublicAccessBlock block)
        {
            var masks = new List<string>();
            if (ownership.AclsInForce == false)
            {
                masks.Add("ObjectOwnership BucketOwnerEnforced");
            }

            if (block.IgnorePublicAcls.Value == true)
            {
                masks.Add($"IgnorePublicAcls ({block.IgnorePublicAcls.Levels})");
            }

            if (masks.Count > 0)
            {
                string by = string.Join("; ", masks);
                return new ExposureMask(S3ExposureLevel.Latent, by, $" Masked by {by}: removing it would expose the grant.");
            }

            if (ownership.Ownership == "Unknown")
            {
                return new ExposureMask(S3ExposureLevel.Unknown, string.Empty, $" Whether ACLs are in force is unknown: {ownership.Reason}");
            }

            return block.IgnorePublicAcls.Value == null
                ? new ExposureMask(S3ExposureLevel.Unknown, string.Empty, $" Whether IgnorePublicAcls hides it is unknown: {block.IgnorePublicAcls.Reason}")
                : new ExposureMask(S3ExposureLevel.Public, string.Empty, string.Empty);
        }

        /// <summary>Bucket policies: RestrictPublicBuckets at either level hides a public policy.</summary>
        public static ExposureMask ForPolicy(EffectivePublicAccessBlock block)
        {
            if (block.RestrictPublicBuckets.Value == true)
            {
                string by = $"RestrictPublicBuckets ({block.RestrictPublicBuckets.Levels})";
                return new ExposureMask(S3ExposureLevel.Latent, by, $" Masked by {by}: only service principals and the owner's account get through; removing it would expose the statement.");
            }

            return block.RestrictPublicBuckets.Value == null
                ? new ExposureMask(S3ExposureLevel.Unknown, string.Empty, $" Whether RestrictPublicBuckets hides it is unknown: {block.RestrictPublicBuckets.Reason}")
                : new ExposureMask(S3ExposureLevel.Public, string.Empty, string.Empty);
        }
    }
}
