using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// The exposure check: Test-S3PublicExposure's verdict per bucket. Every public cause is a finding (rule Public +
    /// path: PublicAcl, PublicPolicy, PublicWebsite ...), every masked one a Latent finding; an undecidable bucket is Unknown.
    /// </summary>
    public sealed class ExposureCheck : IAuditCheck
    {
        private const int ThrottleLimit = 4;

        /// <inheritdoc />
        public string Name => AuditCheckNames.Exposure;

        /// <inheritdoc />
        public Task RunAsync(AuditCheckContext context, CancellationToken cancellationToken) =>
            BoundedParallel.ForEachAsync(context.Buckets, ThrottleLimit, async (bucket, ct) =>
            {
                BucketPostureReport review = await context.Reviews.GetAsync(bucket, context.Output, ct).ConfigureAwait(false);
                if (review.BucketMissing)
                {
                    return;
                }

                S3ExposureResult result = review.Exposure.Result;
                foreach (S3ExposureFinding cause in review.Exposure.Findings)
                {
                    if (cause.Exposure != S3ExposureLevel.Public && cause.Exposure != S3ExposureLevel.Latent)
                    {
                        continue;
                    }

                    // Key, statement, grantee and actions together tell two causes of one bucket apart across runs.
                    string resource = string.Join(" ", new[] { cause.Key, cause.StatementId, cause.Principal, cause.Actions }.Where(p => p.Length > 0));
                    string masked = cause.MaskedBy.Length > 0 ? $" (masked by {cause.MaskedBy})" : string.Empty;
                    context.Fail(bucket, resource, $"{cause.Exposure}{cause.Path}", cause.Severity, $"{cause.Why}{masked} Actions: {cause.Actions}.", cause.Remediation);
                }

                if (result.Exposure == S3ExposureLevel.Unknown)
                {
                    context.Unknown(bucket, "ExposureUnknown", "Exposure could not be decided: " + result.Reasons,
                        "Give the auditing identity read access to the bucket's ACL, policy and Block Public Access settings, then run again.",
                        ExposureVerdict.Severity(result));
                }
            }, cancellationToken);
    }
}
