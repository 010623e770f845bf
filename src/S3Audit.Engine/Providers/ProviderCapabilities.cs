using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Providers
{
    /// <summary>
    /// Which features a provider really has. Every cmdlet asks here first and answers a missing feature with
    /// <see cref="FeatureNotSupportedException"/> (naming the alternative) rather than a raw S3 error.
    /// </summary>
    public sealed class ProviderCapabilities
    {
        private readonly HashSet<S3Feature> _features;
        private readonly Dictionary<S3Feature, string> _alternatives;

        private ProviderCapabilities(S3Provider provider, IEnumerable<S3Feature> features, Dictionary<S3Feature, string>? alternatives = null, bool aclAnswerIsFixed = false)
        {
            Provider = provider;
            _features = new HashSet<S3Feature>(features);
            _alternatives = alternatives ?? new Dictionary<S3Feature, string>();
            AclAnswerIsFixed = aclAnswerIsFixed;
        }

        /// <summary>The provider described.</summary>
        public S3Provider Provider { get; }

        /// <summary>True where GetBucketAcl returns a fixed owner-only answer that says nothing about access (MinIO, Lyve).</summary>
        public bool AclAnswerIsFixed { get; }

        /// <summary>The features the provider has.</summary>
        public IReadOnlyCollection<S3Feature> Features => _features;

        /// <summary>True when the provider has the feature.</summary>
        public bool Supports(S3Feature feature) => _features.Contains(feature);

        /// <summary>What to use instead of a feature the provider lacks, or null.</summary>
        public string? AlternativeTo(S3Feature feature) => _alternatives.TryGetValue(feature, out string? alternative) ? alternative : null;

        /// <summary>Throws <see cref="FeatureNotSupportedException"/> when the provider lacks the feature.</summary>
        public void Require(S3Feature feature)
        {
            if (!Supports(feature))
            {
                throw new FeatureNotSupportedException(Provider, feature, AlternativeTo(feature));
            }
        }

        /// <summary>The capabilities of a provider.</summary>
        public static ProviderCapabilities For(S3Provider provider) => provider switch
        {
            S3Provider.Aws => new ProviderCapabilities(provider, AllFeatures.Where(f => f != S3Feature.ExoscaleBucketPolicy && f != S3Feature.LyveAuditTarget),
                new Dictionary<S3Feature, string> { [S3Feature.LyveAuditTarget] = "Lyve audit targets exist only on Seagate Lyve Cloud; on AWS use server access logging (Enable-S3AccessLogging) or CloudTrail data events." }),
            S3Provider.Exoscale => new ProviderCapabilities(provider,
                new[] { S3Feature.Acl, S3Feature.ExoscaleBucketPolicy, S3Feature.Versioning, S3Feature.ObjectLock, S3Feature.DefaultEncryption },
                new Dictionary<S3Feature, string>
                {
                    [S3Feature.ServerAccessLogging] = "Exoscale SOS has no server access logging. Two ways to an audit trail: run S3Audit's logging gateway in front of the bucket (Start-S3AuditProxy; agents use it as their endpoint and every request through it is written as an AWS access-log line), " +
                        "or, on the Enterprise plan, have Exoscale support send SOS data events to a webhook (best effort) and read the saved batches with Get-S3AuditLogEntry. Review Exoscale IAM API keys with Get-S3AuditCredential.",
                    [S3Feature.BlockPublicAccess] = "Exoscale SOS has no Block Public Access; keep ACLs private and review bucket policies with Test-S3PublicExposure.",
                    [S3Feature.AccountBlockPublicAccess] = "Exoscale SOS has no Block Public Access.",
                    [S3Feature.AwsBucketPolicy] = "Exoscale uses its own bucket-policy language; S3Audit evaluates it as ExoscaleBucketPolicy.",
                    [S3Feature.IamApi] = "Exoscale IAM is managed through Exoscale's own API, not AWS's IAM API.",
                    [S3Feature.LyveAuditTarget] = "Lyve audit targets exist only on Seagate Lyve Cloud.",
                }),
            S3Provider.Lyve => new ProviderCapabilities(provider,
                new[] { S3Feature.AwsBucketPolicy, S3Feature.LyveAuditTarget, S3Feature.ObjectLock, S3Feature.Versioning, S3Feature.DefaultEncryption },
                new Dictionary<S3Feature, string>
                {
                    [S3Feature.ServerAccessLogging] = "Lyve Cloud writes S3 API, IAM and console audit logs to one immutable target bucket: use Set-LyveAuditTarget.",
                    [S3Feature.Acl] = "Lyve Cloud's ACL answer is fixed and does not govern access; S3Audit judges its anonymous bucket policy instead.",
                    [S3Feature.BlockPublicAccess] = "Lyve Cloud has no Block Public Access.",
                    [S3Feature.AccountBlockPublicAccess] = "Lyve Cloud has no Block Public Access.",
                    [S3Feature.IamApi] = "Lyve Cloud service accounts are reviewed through the Lyve Account API (Get-S3AuditCredential -Provider Lyve).",
                },
                aclAnswerIsFixed: true),
            S3Provider.Minio => new ProviderCapabilities(provider,
                new[] { S3Feature.AwsBucketPolicy, S3Feature.ObjectLock, S3Feature.Versioning, S3Feature.DefaultEncryption },
                new Dictionary<S3Feature, string>
                {
                    [S3Feature.ServerAccessLogging] = "MinIO's bucket-logging API is a placeholder that stores nothing; configure MinIO's audit webhook or Kafka target (mc admin config set audit_webhook) instead.",
                    [S3Feature.Acl] = "MinIO's ACL answer is fixed and does not govern access; S3Audit judges its anonymous bucket policy instead.",
                    [S3Feature.BlockPublicAccess] = "MinIO has no Block Public Access.",
                    [S3Feature.AccountBlockPublicAccess] = "MinIO has no Block Public Access.",
                    [S3Feature.IamApi] = "MinIO keeps its users, service accounts and policies behind its admin API, not AWS's IAM API: review them with 'mc admin user list', 'mc admin user svcacct list <alias> <user>' and 'mc admin policy entities <alias>'.",
                    [S3Feature.LyveAuditTarget] = "Lyve audit targets exist only on Seagate Lyve Cloud.",
                },
                aclAnswerIsFixed: true),
            S3Provider.Ceph => new ProviderCapabilities(provider,
                AllFeatures.Where(f => f != S3Feature.ExoscaleBucketPolicy && f != S3Feature.LyveAuditTarget && f != S3Feature.ObjectOwnership &&
                                       f != S3Feature.AccountBlockPublicAccess && f != S3Feature.CallerIdentity),
                new Dictionary<S3Feature, string>
                {
                    [S3Feature.ObjectOwnership] = "Ceph RGW does not implement Object Ownership controls; ACLs are always in force.",
                    [S3Feature.AccountBlockPublicAccess] = "Ceph RGW has no account-level Block Public Access; bucket-level settings apply.",
                    [S3Feature.CallerIdentity] = "Ceph RGW does not answer STS GetCallerIdentity.",
                    [S3Feature.LyveAuditTarget] = "Lyve audit targets exist only on Seagate Lyve Cloud.",
                }),
            _ => new ProviderCapabilities(provider,
                new[] { S3Feature.Acl, S3Feature.AwsBucketPolicy, S3Feature.Versioning, S3Feature.ObjectLock, S3Feature.DefaultEncryption, S3Feature.BlockPublicAccess, S3Feature.ServerAccessLogging, S3Feature.Website },
                new Dictionary<S3Feature, string>
                {
                    [S3Feature.IamApi] = "Say -Provider Ceph or -Provider Aws when the endpoint offers the IAM API.",
                }),
        };

        private static IEnumerable<S3Feature> AllFeatures => (S3Feature[])System.Enum.GetValues(typeof(S3Feature));
    }
}
