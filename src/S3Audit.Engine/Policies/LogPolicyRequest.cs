using System;
using System.Text.RegularExpressions;

namespace S3Audit.Engine.Policies
{
    /// <summary>Who the generated policy is for.</summary>
    public enum LogPolicyPurpose
    {
        /// <summary>A log reader (an analytics service): find and read the logs, nothing else.</summary>
        ReadOnlyLog,
        /// <summary>A writer that stores logs or backups into a bucket: put, get and list.</summary>
        LogStorage,
    }

    /// <summary>What New-S3ReadOnlyLogPolicy and New-S3LogStoragePolicy ask for.</summary>
    public sealed class LogPolicyRequest
    {
        private static readonly Regex BucketPattern = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$", RegexOptions.CultureInvariant);

        /// <summary>Reader or writer.</summary>
        public LogPolicyPurpose Purpose { get; set; }
        /// <summary>The bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The key prefix (no leading slash); empty for the whole bucket.</summary>
        public string? Prefix { get; set; }
        /// <summary>Adds delete on the prefix only (reader: purge processed logs; writer: retention clean-up).</summary>
        public bool AllowDelete { get; set; }
        /// <summary>The KMS key of SSE-KMS objects (AWS only).</summary>
        public string? KmsKeyArn { get; set; }
        /// <summary>Aws, Ceph or Minio (AWS IAM JSON: RGW and MinIO take AWS policies), Exoscale or Lyve.</summary>
        public S3Provider Provider { get; set; } = S3Provider.Aws;
        /// <summary>The policy name; a default naming purpose and bucket when empty.</summary>
        public string? Name { get; set; }

        /// <summary>The prefix without leading slashes, or empty.</summary>
        public string NormalisedPrefix => (Prefix ?? string.Empty).TrimStart('/');

        /// <summary>The given name, or S3ReadOnlyLog-bucket / S3LogStorage-bucket.</summary>
        public string EffectiveName => string.IsNullOrWhiteSpace(Name) ? $"S3{Purpose}-{BucketName}" : Name!.Trim();

        /// <summary>A copy without the KMS key, for providers that have no AWS KMS.</summary>
        internal LogPolicyRequest WithoutKmsKey()
        {
            var copy = (LogPolicyRequest)MemberwiseClone();
            copy.KmsKeyArn = null;
            return copy;
        }

        /// <summary>Throws <see cref="ArgumentException"/> naming the bad value.</summary>
        public void Validate()
        {
            if (!BucketPattern.IsMatch(BucketName ?? string.Empty))
            {
                throw new ArgumentException($"'{BucketName}' is not a bucket name (letters, digits, '.', '-' and '_', 3 to 255 characters).", nameof(BucketName));
            }

            if (NormalisedPrefix.IndexOfAny(new[] { '*', '?', '"', '\'', '\\' }) >= 0)
            {
                throw new ArgumentException($"The prefix '{Prefix}' may not contain *, ?, quotes or backslashes: it is matched literally.", nameof(Prefix));
            }

            if (!string.IsNullOrEmpty(KmsKeyArn) && !KmsKeyArn!.StartsWith("arn:aws:kms:", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{KmsKeyArn}' is not a KMS key ARN (arn:aws:kms:region:account:key/id).", nameof(KmsKeyArn));
            }

            if (Provider == S3Provider.Generic)
            {
                throw new ArgumentException("Policies can be generated for Aws, Ceph and Minio (AWS IAM JSON), Exoscale and Lyve, not Generic: say which provider will load the policy.", nameof(Provider));
            }
        }
    }
}
