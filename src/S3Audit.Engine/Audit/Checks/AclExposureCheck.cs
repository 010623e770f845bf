using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Acl;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// The exposure check as far as this build can judge it: public grants in bucket ACLs (GetBucketAcl), on providers
    /// whose ACLs govern access. Bucket-policy exposure belongs to the Test-S3PublicExposure engine; until it is plugged
    /// in here, each target gets one Unknown finding saying policies were not evaluated.
    /// </summary>
    public sealed class AclExposureCheck : IAuditCheck
    {
        private const int ThrottleLimit = 8;

        /// <inheritdoc />
        public string Name => AuditCheckNames.Exposure;

        /// <inheritdoc />
        public async Task RunAsync(AuditCheckContext context, CancellationToken cancellationToken)
        {
            ProviderCapabilities capabilities = context.Session.Capabilities;
            if (capabilities.AclAnswerIsFixed || !capabilities.Supports(S3Feature.Acl))
            {
                context.Unknown(string.Empty, "ExposureNotEvaluated",
                    $"{context.Session.Provider}'s ACLs do not govern access, and bucket-policy exposure is not available in this build, so exposure was not judged.",
                    "Review the buckets' anonymous bucket policies with Test-S3PublicExposure.");
                return;
            }

            if (capabilities.Supports(S3Feature.AwsBucketPolicy) || capabilities.Supports(S3Feature.ExoscaleBucketPolicy))
            {
                context.Unknown(string.Empty, "PolicyExposureNotEvaluated",
                    "Bucket policies were not evaluated: the policy-exposure engine is not available in this build. Exposure findings cover bucket ACLs only.",
                    "Review bucket policies with Test-S3PublicExposure.");
            }

            await BoundedParallel.ForEachAsync(context.Buckets, ThrottleLimit, (bucket, ct) => CheckBucketAsync(context, bucket, ct), cancellationToken).ConfigureAwait(false);
        }

        private static async Task CheckBucketAsync(AuditCheckContext context, string bucket, CancellationToken cancellationToken)
        {
            ObjectOwnershipState ownership = await ObjectOwnershipReader.ReadAsync(context.Session, bucket, cancellationToken).ConfigureAwait(false);
            GetBucketAclResponse acl;
            try
            {
                acl = await context.Session.Client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                AuditError error = S3ErrorClassifier.Classify(e, "GetBucketAcl", bucket);
                context.Output.WriteError(error);
                context.Unknown(bucket, "PublicAcl", "The bucket ACL could not be read: " + error.Message, "Give the auditing identity s3:GetBucketAcl on the bucket and run again.");
                return;
            }

            List<S3AuditAclGrant> publicGrants = AclGrantMapper.ToRows(bucket, string.Empty, acl.Owner, acl.Grants, ownership.AclsInForce, context.Session.Provider, context.Session.Region)
                .Where(g => g.IsPublic).ToList();
            if (publicGrants.Count == 0)
            {
                return;
            }

            if (ownership.AclsInForce == false)
            {
                context.Fail(bucket, "LatentPublicAcl", S3AuditSeverity.Low,
                    $"The bucket ACL grants {Describe(publicGrants)}, but ACLs are disabled ({ownership.Reason}). Re-enabling ACLs would expose the bucket.",
                    "Remove the public grants so a later ownership change cannot expose the bucket.");
                return;
            }

            foreach (IGrouping<(string Rule, S3AuditSeverity Severity), S3AuditAclGrant> group in publicGrants.GroupBy(g => Classify(g.Permission)))
            {
                context.Fail(bucket, group.Key.Rule, group.Key.Severity, $"The bucket ACL grants {Describe(group)}.", Remediation(context));
            }
        }

        private static (string Rule, S3AuditSeverity Severity) Classify(string permission) => permission switch
        {
            "READ" => ("PublicAclRead", S3AuditSeverity.High),
            "READ_ACP" => ("PublicAclReadAcp", S3AuditSeverity.Medium),
            _ => ("PublicAclWrite", S3AuditSeverity.Critical),
        };

        private static string Describe(IEnumerable<S3AuditAclGrant> grants) =>
            string.Join(", ", grants.Select(g => $"{g.Permission} to {g.PublicGroup}").Distinct().OrderBy(s => s, StringComparer.Ordinal)) +
            " (AllUsers is anyone, unsigned; AuthenticatedUsers is anyone with any account)";

        private static string Remediation(AuditCheckContext context) =>
            "Set the bucket ACL to private (canned ACL 'private') and re-check with Get-S3AuditAcl." +
            (context.Session.Capabilities.Supports(S3Feature.BlockPublicAccess) ? " Turn on Block Public Access (BlockPublicAcls, IgnorePublicAcls) so public ACLs cannot come back." : string.Empty);
    }
}
