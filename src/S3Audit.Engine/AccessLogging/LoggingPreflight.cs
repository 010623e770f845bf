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

        /// <summary>The source account for aws:SourceAccount, or null after writing the first failed rule as an error.</summary>
        public async Task<string?> CheckAsync(EnableLoggingRequest request, IAuditOutput output, CancellationToken ct)
        {
            string source = request.BucketName, target = request.TargetBucketName;
            if (string.Equals(source, target, StringComparison.Ordinal) && !request.Force)
            {
                return Fail(output, "AccessLoggingTargetIsSource", AuditErrorKind.InvalidArgument, source,
                    $"Rule 'target is not the source': bucket '{source}' would log into itself, and every log delivery would create new log records (a log loop). Choose another target bucket, or use -Force.");
            }

            Read<string> targetRegion = await ReadAsync(() => RegionOfAsync(target, ct), "GetBucketLocation", target, ct).ConfigureAwait(false);
            if (targetRegion.Error != null)
            {
                return targetRegion.Error.Kind == AuditErrorKind.NotFound
                    ? Fail(output, "AccessLoggingTargetNotFound", AuditErrorKind.NotFound, target, $"Rule 'target exists': target bucket '{target}' does not exist. Create it first (same region and account as '{source}').")
                    : Unchecked(output, "target exists", targetRegion.Error);
            }

            Read<string> sourceRegion = await ReadAsync(() => RegionOfAsync(source, ct), "GetBucketLocation", source, ct).ConfigureAwait(false);
            if (sourceRegion.Error != null)
            {
                return Unchecked(output, "same region", sourceRegion.Error);
            }

            if (!string.Equals(sourceRegion.Value, targetRegion.Value, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(output, "AccessLoggingRegionMismatch", AuditErrorKind.InvalidArgument, source,
                    $"Rule 'same region': source '{source}' is in {sourceRegion.Value} but target '{target}' is in {targetRegion.Value}; S3 delivers access logs only within one region.");
            }

            Read<string> sourceOwner = await ReadAsync(() => OwnerOfAsync(source, ct), "GetBucketAcl", source, ct).ConfigureAwait(false);
            Read<string> targetOwner = await ReadAsync(() => OwnerOfAsync(target, ct), "GetBucketAcl", target, ct).ConfigureAwait(false);
            if (sourceOwner.Error != null || targetOwner.Error != null)
            {
                return Unchecked(output, "same account", (sourceOwner.Error ?? targetOwner.Error)!);
            }

            if (!string.Equals(sourceOwner.Value, targetOwner.Value, StringComparison.Ordinal))
            {
                return Fail(output, "AccessLoggingAccountMismatch", AuditErrorKind.InvalidArgument, source,
                    $"Rule 'same account': source '{source}' is owned by '{sourceOwner.Value}' but target '{target}' by '{targetOwner.Value}'; both must belong to the same account.");
            }

            if (!await CheckTargetSettingsAsync(request, output, ct).ConfigureAwait(false))
            {
                return null;
            }

            return await SourceAccountAsync(sourceOwner.Value!, ct).ConfigureAwait(false);
        }

        private async Task<bool> CheckTargetSettingsAsync(EnableLoggingRequest request, IAuditOutput output, CancellationToken ct)
        {
            string target = request.TargetBucketName;
            Read<string> retention = await ReadAsync(() => DefaultRetentionAsync(target, ct), "GetObjectLockConfiguration", target, ct, "ObjectLockConfigurationNotFoundError").ConfigureAwait(false);
            if (retention.Error != null)
            {
                return Refused(Unchecked(output, "no default retention", retention.Error));
            }

            if (!string.IsNullOrEmpty(retention.Value))
            {
                return Refused(Fail(output, "AccessLoggingTargetObjectLock", AuditErrorKind.InvalidArgument, target,
                    $"Rule 'no object-lock default retention': target '{target}' has a default retention ({retention.Value}); S3 cannot deliver access logs into it. Choose a target without a default retention."));
            }

            Read<string> payer = await ReadAsync(() => PayerAsync(target, ct), "GetBucketRequestPayment", target, ct).ConfigureAwait(false);
            if (payer.Error != null)
            {
                return Refused(Unchecked(output, "no Requester Pays", payer.Error));
            }

            if (string.Equals(payer.Value, "Requester", StringComparison.OrdinalIgnoreCase))
            {
                return Refused(Fail(output, "AccessLoggingTargetRequesterPays", AuditErrorKind.InvalidArgument, target,
                    $"Rule 'no Requester Pays': target '{target}' has Requester Pays enabled; S3 does not deliver access logs to such a bucket."));
            }

            Read<string> encryption = await ReadAsync(() => KmsAlgorithmAsync(target, ct), "GetBucketEncryption", target, ct, "ServerSideEncryptionConfigurationNotFoundError").ConfigureAwait(false);
            if (encryption.Error != null)
            {
                return Refused(Unchecked(output, "SSE-S3 or no default encryption", encryption.Error));
            }

            if (!string.IsNullOrEmpty(encryption.Value))
            {
                return Refused(Fail(output, "AccessLoggingTargetKmsEncrypted", AuditErrorKind.InvalidArgument, target,
                    $"Rule 'SSE-S3 or no default encryption': target '{target}' encrypts by default with {encryption.Value}; access-log delivery supports only SSE-S3 (AES256). Use SSE-S3 on the target or another target."));
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
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                output.WriteWarning($"Could not check whether target bucket '{target}' itself logs: {S3ErrorClassifier.Classify(e, "GetBucketLogging", target).Message}");
            }

            return true;
        }

        private Task<string> RegionOfAsync(string bucket, CancellationToken ct) => BucketRegion.ReadAsync(_session, bucket, ct);

        private async Task<string> OwnerOfAsync(string bucket, CancellationToken ct)
        {
            GetBucketAclResponse acl = await _session.Client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, ct).ConfigureAwait(false);
            return acl.Owner?.Id ?? string.Empty;
        }

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

        /// <summary>Runs a read; an error code in <paramref name="notConfigured"/> means "not set" (empty value), NotSupported means the provider has no such setting.</summary>
        private static async Task<Read<string>> ReadAsync(Func<Task<string>> read, string operation, string bucket, CancellationToken ct, params string[] notConfigured)
        {
            try
            {
                return new Read<string>(await read().ConfigureAwait(false), null);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                if (notConfigured.Contains(S3ErrorClassifier.ErrorCode(e)) || S3ErrorClassifier.KindOf(e) == AuditErrorKind.NotSupported)
                {
                    return new Read<string>(string.Empty, null);
                }

                return new Read<string>(null, S3ErrorClassifier.Classify(e, operation, bucket));
            }
        }

        /// <summary>For "return Refused(Fail(...))" in rule checks: the error is written, the check answers false.</summary>
        private static bool Refused(string? _) => false;

        private static string? Fail(IAuditOutput output, string errorId, AuditErrorKind kind, string target, string message)
        {
            output.WriteError(new AuditError(errorId, kind, message, target));
            return null;
        }

        private static string? Unchecked(IAuditOutput output, string rule, AuditError error)
        {
            output.WriteError(new AuditError(error.ErrorId, error.Kind, $"Rule '{rule}' could not be checked, so nothing was written: {error.Message}", error.Target, error.Exception));
            return null;
        }

        private readonly struct Read<T>
        {
            public Read(T? value, AuditError? error)
            {
                Value = value;
                Error = error;
            }

            public T? Value { get; }
            public AuditError? Error { get; }
        }
    }
}
