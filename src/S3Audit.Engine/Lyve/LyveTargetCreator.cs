using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Lyve
{
    /// <summary>Creates an audit-log target bucket: object lock on at creation, then the default retention.</summary>
    public sealed class LyveTargetCreator
    {
        private readonly S3Session _session;

        /// <summary>Creates a creator on a session.</summary>
        public LyveTargetCreator(S3Session session) => _session = session;

        /// <summary>
        /// <see cref="CreateAsync"/>, writing an S3 failure as a classified error instead of throwing; false after that error.
        /// Invalid arguments still throw.
        /// </summary>
        public async Task<bool> TryCreateAsync(string bucket, string retentionMode, int retentionDays, IAuditOutput output, CancellationToken cancellationToken)
        {
            try
            {
                await CreateAsync(bucket, retentionMode, retentionDays, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken) && !(e is ArgumentException))
            {
                output.WriteError(S3ErrorClassifier.Classify(e, "CreateBucket", bucket));
                return false;
            }
        }

        /// <summary>Creates the bucket with object lock (which turns versioning on) and a default retention.</summary>
        /// <param name="bucket">The new bucket.</param>
        /// <param name="retentionMode">Governance or Compliance.</param>
        /// <param name="retentionDays">Days of default retention (at least 1).</param>
        /// <param name="cancellationToken">Cancels the calls.</param>
        public async Task CreateAsync(string bucket, string retentionMode, int retentionDays, CancellationToken cancellationToken)
        {
            _session.Capabilities.Require(S3Feature.LyveAuditTarget);
            if (retentionDays < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(retentionDays), "The default retention needs at least 1 day.");
            }

            ObjectLockRetentionMode mode = string.Equals(retentionMode, "Compliance", StringComparison.OrdinalIgnoreCase)
                ? ObjectLockRetentionMode.Compliance
                : string.Equals(retentionMode, "Governance", StringComparison.OrdinalIgnoreCase)
                    ? ObjectLockRetentionMode.Governance
                    : throw new ArgumentException($"Retention mode '{retentionMode}' is neither Governance nor Compliance.", nameof(retentionMode));

            await _session.Client.PutBucketAsync(new PutBucketRequest { BucketName = bucket, ObjectLockEnabledForBucket = true }, cancellationToken).ConfigureAwait(false);
            await _session.Client.PutObjectLockConfigurationAsync(new PutObjectLockConfigurationRequest
            {
                BucketName = bucket,
                ObjectLockConfiguration = new ObjectLockConfiguration
                {
                    ObjectLockEnabled = ObjectLockEnabled.Enabled,
                    Rule = new ObjectLockRule { DefaultRetention = new DefaultRetention { Mode = mode, Days = retentionDays } },
                },
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
