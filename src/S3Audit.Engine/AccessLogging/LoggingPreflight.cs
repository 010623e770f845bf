using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// The rules a logging target must meet (AWS "Enabling Amazon S3 server access logging"). Each failure is one
    /// error whose id and message name the rule; a rule that cannot be checked stops the run as well.
    /// </summary>
    internal sealed class LoggingPreflight
    {
        private readonly S3Session _session;

        public LoggingPreflight(S3Session session) => _session = session;

        /// <summary>What the plan reuses (the source account, the target's ACL), or null after writing the first failed rule as an error.</summary>
        public async Task<PreflightFindings?> CheckAsync(EnableLoggingRequest request, IAuditOutput output, CancellationToken ct)
        {
            string source = request.BucketName, target = request.TargetBucketName;
            if (string.Equals(source, target, StringComparison.Ordinal) && !request.Force)
            {
                return Fail(output, "AccessLoggingTargetIsSource", AuditErrorKind.InvalidArgument, source,
                    $"Rule 'target is not the source': bucket '{source}' would log into itself, and every log delivery would create new log records (a log loop). Choose another target bucket, or use -Force.");
            }

            SettingRead<string> targetRegion = await ReadAsync(target, "GetBucketLocation", c => BucketRegion.ReadAsync(_session, target, c), ct).ConfigureAwait(false);
            if (targetRegion.Failure != null)
            {
                return targetRegion.Failure.Kind == AuditErrorKind.NotFound
                    ? Fail(output, "AccessLoggingTargetNotFound", AuditErrorKind.NotFound, target, $"Rule 'target exists': target bucket '{target}' does not exist. Create it first (same region and account as '{source}').")
                    : Unchecked(output, "target exists", targetRegion.Failure);
            }

            SettingRead<string> sourceRegion = await ReadAsync(source, "GetBucketLocation", c => BucketRegion.ReadAsync(_session, source, c), ct).ConfigureAwait(false);
            if (sourceRegion.Failure != null)
            {
                return Unchecked(output, "same region", sourceRegion.Failure);
            }

            if (!string.Equals(sourceRegion.Readout.Value, targetRegion.Readout.Value, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(output, "AccessLoggingRegionMismatch", AuditErrorKind.InvalidArgument, source,
                    $"Rule 'same region': source '{source}' is in {sourceRegion.Readout.Value} but target '{target}' is in {targetRegion.Readout.Value}; S3 delivers access logs only within one region.");
            }

            SettingRead<GetBucketAclResponse> sourceAcl = await ReadAsync(source, "GetBucketAcl", c => AclOfAsync(source, c), ct).ConfigureAwait(false);
            SettingRead<GetBucketAclResponse> targetAcl = await ReadAsync(target, "GetBucketAcl", c => AclOfAsync(target, c), ct).ConfigureAwait(false);
            if (sourceAcl.Failure != null || targetAcl.Failure != null)
            {
                return Unchecked(output, "same account", (sourceAcl.Failure ?? targetAcl.Failure)!);
            }

            string sourceOwner = OwnerOf(sourceAcl), targetOwner = OwnerOf(targetAcl);
            if (!string.Equals(sourceOwner, targetOwner, StringComparison.Ordinal))
            {
                return Fail(output, "AccessLoggingAccountMismatch", AuditErrorKind.InvalidArgument, source,
                    $"Rule 'same account': source '{source}' is owned by '{sourceOwner}' but target '{target}' by '{targetOwner}'; both must belong to the same account.");
            }

            if (!await CheckTargetSettingsAsync(request, output, ct).ConfigureAwait(false))
            {
                return null;
            }

            return new PreflightFindings(await SourceAccountAsync(sourceOwner, ct).ConfigureAwait(false), targetAcl);
        }

        private async Task<bool> CheckTargetSettingsAsync(EnableLoggingRequest request, IAuditOutput output, CancellationToken ct)
        {
            string target = request.TargetBucketName;
            SettingRead<string> retention = await ReadAsync(target, "GetObjectLockConfiguration", c => DefaultRetentionAsync(target, c), ct, "ObjectLockConfigurationNotFoundError").ConfigureAwait(false);
            if (retention.Failure != null)
            {
                return Refused(Unchecked(output, "no default retention", retention.Failure));
            }

            if (!string.IsNullOrEmpty(retention.Readout.Value))
            {
                return Refused(Fail(output, "AccessLoggingTargetObjectLock", AuditErrorKind.InvalidArgument, target,
                    $"Rule 'no object-lock default retention': target '{target}' has a default retention ({retention.Readout.Value}); S3 cannot deliver access logs into it. Choose a target without a default retention."));
            }

            SettingRead<string> payer = await ReadAsync(target, "GetBucketRequestPayment", c => PayerAsync(target, c), ct).ConfigureAwait(false);
            if (payer.Failure != null)
            {
                return Refused(Unchecked(output, "no Requester Pays", payer.Failure));
            }

            if (string.Equals(payer.Readout.Value, "Requester", StringComparison.OrdinalIgnoreCase))
            {
                return Refused(Fail(output, "AccessLoggingTargetRequesterPays", AuditErrorKind.InvalidArgument, target,
                    $"Rule 'no Requester Pays': target '{target}' has Requester Pays enabled; S3 does not deliver access logs to such a bucket."));
            }

            SettingRead<string> encryption = await ReadAsync(target, "GetBucketEncryption", c => KmsAlgorithmAsync(target, c), ct, "ServerSideEncryptionConfigurationNotFoundError").ConfigureAwait(false);
            if (encryption.Failure != null)
            {
                return Refused(Unchecked(output, "SSE-S3 or no default encryption", encryption.Failure));
            }

            if (!string.IsNullOrEmpty(encryption.Readout.Value))
            {
                return Refused(Fail(output, "AccessLoggingTargetKmsEncrypted", AuditErrorKind.InvalidArgument, target,
                    $"Rule 'SSE-S3 or no default encryption': target '{target}' encrypts by default with {encryption.Readout.Value}; access-log delivery supports only SSE-S3 (AES256). Use SSE-S3 on the target or another target."));
            }

            if (request.UseAclGrant)
            {
                ObjectOwnershipState ownership = await ObjectOwnershipReader.ReadAsync(_session, target, ct).ConfigureAwait(false);
                if (ownership.AclsInForce != true)
                {
                    return Refused(Fail(output, "AccessLoggingAclsDisabled", AuditErrorKind.InvalidArgument, target,
                        $"Rule 'ACLs in force for -UseAclGrant': target '{target}' has Object Ownership {ownership.Ownership} ({ownership.Reason}); the LogDelivery grant would not work. Omit -UseAclGrant to grant by bucket policy."));
                }
            }

            try
            {
                CurrentLogging targetLogging = await CurrentLogging.ReadAsync(_session, target, ct).ConfigureAwait(false);
                if (targetLogging.Enabled)
                {
                    output.WriteWarning($"Target bucket '{target}' itself logs to {targetLogging.Describe()}. AWS advises against logging a log bucket: its deliveries create more log records.");
                }
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, ct))
            {
                output.WriteWarning($"Could not check whether target bucket '{target}' itself logs: {S3ErrorClassifier.Classify(e, "GetBucketLogging", target).Message}");
            }

            return true;
        }

        private Task<GetBucketAclResponse> AclOfAsync(string bucket, CancellationToken ct) =>
            _session.Client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, ct);

        private static string OwnerOf(SettingRead<GetBucketAclResponse> acl) => acl.Readout.Value?.Owner?.Id ?? string.Empty;

        private async Task<string> DefaultRetentionAsync(string bucket, CancellationToken ct)
        {
            GetObjectLockConfigurationResponse response = await _session.Client.GetObjectLockConfigurationAsync(new GetObjectLockConfigurationRequest { BucketName = bucket }, ct).ConfigureAwait(false);
            DefaultRetention? retention = response.ObjectLockConfiguration?.Rule?.DefaultRetention;
            if (retention?.Mode == null)
            {
                return string.Empty;
            }

            return $"{retention.Mode.Value} {(retention.Days > 0 ? retention.Days + " days" : retention.Years + " years")}";
        }

        private async Task<string> PayerAsync(string bucket, CancellationToken ct)
        {
            GetBucketRequestPaymentResponse response = await _session.Client.GetBucketRequestPaymentAsync(new GetBucketRequestPaymentRequest { BucketName = bucket }, ct).ConfigureAwait(false);
            return response.Payer ?? string.Empty;
        }

        private async Task<string> KmsAlgorithmAsync(string bucket, CancellationToken ct)
        {
            GetBucketEncryptionResponse response = await _session.Client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket }, ct).ConfigureAwait(false);
            return (response.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules ?? new System.Collections.Generic.List<ServerSideEncryptionRule>())
                .Select(r => r.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value ?? string.Empty)
                .FirstOrDefault(a => a.StartsWith("aws:kms", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        }

        /// <summary>AWS needs the 12-digit account id; other providers name the bucket owner (a user or account id).</summary>
        private async Task<string> SourceAccountAsync(string sourceOwner, CancellationToken ct)
        {
            if (_session.Provider != S3Provider.Aws)
            {
                return sourceOwner;
            }

            return await _session.CallerAccountAsync(null, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads what a rule needs and writes nothing: a rule that cannot be checked is reported by the rule. An error code
        /// in <paramref name="notConfigured"/> means "not set", and NotSupported means the provider has no such setting: no value, no failure.
        /// </summary>
        private Task<SettingRead<T>> ReadAsync<T>(string bucket, string operation, Func<CancellationToken, Task<T>> read, CancellationToken ct, params string[] notConfigured) =>
            SettingReader.TryReadAsync(_session, bucket, operation, null, async c => Readout<T>.Of(await read(c).ConfigureAwait(false)), notConfigured, string.Empty, ct);

        /// <summary>For "return Refused(Fail(...))" in rule checks: the error is written, the check answers false.</summary>
        private static bool Refused(PreflightFindings? _) => false;

        private static PreflightFindings? Fail(IAuditOutput output, string errorId, AuditErrorKind kind, string target, string message)
        {
            output.WriteError(new AuditError(errorId, kind, message, target));
            return null;
        }

        private static PreflightFindings? Unchecked(IAuditOutput output, string rule, AuditError error)
        {
            output.WriteError(new AuditError(error.ErrorId, error.Kind, $"Rule '{rule}' could not be checked, so nothing was written: {error.Message}", error.Target, error.Exception));
            return null;
        }
    }
}
