using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Providers;
using S3Audit.Engine.Errors;

namespace S3Audit.Engine.Lyve
{
    /// <summary>
    /// Checks that a bucket can be Lyve Cloud's audit-log target: it exists and answers these credentials, has object lock
    /// with a default retention (mode and period), and versioning on. Only for sessions whose provider has
    /// <see cref="S3Feature.LyveAuditTarget"/> (Lyve Cloud); the checks themselves are plain S3 calls.
    /// </summary>
    public sealed class LyveTargetValidator
    {
        /// <summary>The step Lyve Cloud leaves to the console: it has no documented API for choosing the audit target.</summary>
        public const string ConsoleStep = "In the Lyve Cloud console, an Admin selects this bucket under Settings → Audit Logs → target bucket (no documented API exists for this step).";

        private readonly S3Session _session;

        /// <summary>Creates a validator on a session.</summary>
        public LyveTargetValidator(S3Session session) => _session = session;

        /// <summary>The bucket's eligibility with every reason it falls short; never throws for S3 errors.</summary>
        /// <exception cref="FeatureNotSupportedException">The provider is not Lyve Cloud.</exception>
        public async Task<LyveAuditTarget> ValidateAsync(string bucket, CancellationToken cancellationToken)
        {
            _session.Capabilities.Require(S3Feature.LyveAuditTarget);
            var reasons = new List<string>();
            var target = new LyveAuditTarget
            {
                BucketName = bucket,
                EndpointUrl = _session.EndpointUrl,
                Region = _session.Region,
                LogKinds = string.Join(", ", new LyveTargetRecord().LogKinds),
                RemainingStep = ConsoleStep,
            };

            try
            {
                await _session.Client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
                target.Reachable = true;
                target.Exists = true;
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                target.Exists = S3ErrorClassifier.KindOf(e) != AuditErrorKind.NotFound;
                reasons.Add(!target.Exists
                    ? $"Bucket '{bucket}' does not exist (use -Create to create it with object lock and a default retention)."
                    : $"Bucket '{bucket}' is not reachable with these credentials: {S3ErrorClassifier.Classify(e, "HeadBucket", bucket).Message}");
                return Finish(target, reasons);
            }

            await ReadObjectLockAsync(target, reasons, cancellationToken).ConfigureAwait(false);
            await ReadVersioningAsync(target, reasons, cancellationToken).ConfigureAwait(false);
            return Finish(target, reasons);
        }

        private async Task ReadObjectLockAsync(LyveAuditTarget target, List<string> reasons, CancellationToken ct)
        {
            try
            {
                GetObjectLockConfigurationResponse response = await _session.Client.GetObjectLockConfigurationAsync(
                    new GetObjectLockConfigurationRequest { BucketName = target.BucketName }, ct).ConfigureAwait(false);
                ObjectLockConfiguration? config = response.ObjectLockConfiguration;
                target.ObjectLockEnabled = config?.ObjectLockEnabled == ObjectLockEnabled.Enabled;
                DefaultRetention? retention = config?.Rule?.DefaultRetention;
                target.RetentionMode = retention?.Mode?.Value ?? string.Empty;
                target.RetentionDays = retention == null ? 0 : (retention.Days ?? 0) > 0 ? retention.Days!.Value : (retention.Years ?? 0) * 365;
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, ct))
            {
                if (S3ErrorClassifier.ErrorCode(e) != "ObjectLockConfigurationNotFoundError")
                {
                    reasons.Add($"Object lock could not be read: {S3ErrorClassifier.Classify(e, "GetObjectLockConfiguration", target.BucketName).Message}");
                    return;
                }

                target.ObjectLockEnabled = false;
            }

            if (target.ObjectLockEnabled == false)
            {
                reasons.Add($"Object lock is not enabled on '{target.BucketName}': Lyve Cloud needs an immutable target, and object lock can only be chosen when a bucket is created (create a new one with -Create).");
            }
            else if (target.RetentionMode.Length == 0 || target.RetentionDays <= 0)
            {
                reasons.Add($"'{target.BucketName}' has object lock but no default retention (mode and days): set one, e.g. GOVERNANCE for 365 days.");
            }
        }

        private async Task ReadVersioningAsync(LyveAuditTarget target, List<string> reasons, CancellationToken ct)
        {
            try
            {
                GetBucketVersioningResponse response = await _session.Client.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = target.BucketName }, ct).ConfigureAwait(false);
                target.VersioningEnabled = response.VersioningConfig?.Status == VersionStatus.Enabled;
                if (target.VersioningEnabled == false)
                {
                    reasons.Add($"Versioning is not enabled on '{target.BucketName}' ({response.VersioningConfig?.Status?.Value ?? "Off"}).");
                }
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, ct))
            {
                reasons.Add($"Versioning could not be read: {S3ErrorClassifier.Classify(e, "GetBucketVersioning", target.BucketName).Message}");
            }
        }

        private static LyveAuditTarget Finish(LyveAuditTarget target, List<string> reasons)
        {
            target.Eligible = reasons.Count == 0;
            target.Reasons = string.Join("; ", reasons);
            return target;
        }
    }
}
