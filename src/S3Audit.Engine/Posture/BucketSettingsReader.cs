using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Posture
{
    /// <summary>Reads the posture settings that exposure does not need: region, versioning, object lock, encryption, logging.</summary>
    internal sealed class BucketSettingsReader
    {
        private readonly S3Session _session;
        private readonly string _bucket;
        private readonly IAuditOutput _output;
        private readonly CancellationToken _cancellationToken;

        public BucketSettingsReader(S3Session session, string bucket, IAuditOutput output, CancellationToken cancellationToken)
        {
            _session = session;
            _bucket = bucket;
            _output = output;
            _cancellationToken = cancellationToken;
        }

        public Task<Readout<string>> RegionAsync() => Read("GetBucketLocation", null,
            async ct => Readout<string>.Of(await BucketRegion.ReadAsync(_session, _bucket, ct).ConfigureAwait(false)), Array.Empty<string>(), string.Empty);

        public Task<Readout<VersioningSetting>> VersioningAsync() => Read("GetBucketVersioning", S3Feature.Versioning, async ct =>
        {
            GetBucketVersioningResponse response = await _session.Client.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = _bucket }, ct).ConfigureAwait(false);
            string status = response.VersioningConfig?.Status?.Value ?? string.Empty;
            return Readout<VersioningSetting>.Of(new VersioningSetting(status.Length == 0 ? "Off" : status, response.VersioningConfig?.EnableMfaDelete == true ? "Enabled" : "Disabled"));
        }, Array.Empty<string>(), string.Empty);

        public Task<Readout<ObjectLockSetting>> ObjectLockAsync() => Read("GetObjectLockConfiguration", S3Feature.ObjectLock, async ct =>
        {
            GetObjectLockConfigurationResponse response = await _session.Client.GetObjectLockConfigurationAsync(new GetObjectLockConfigurationRequest { BucketName = _bucket }, ct).ConfigureAwait(false);
            ObjectLockConfiguration? lockConfig = response.ObjectLockConfiguration;
            if (lockConfig == null || !string.Equals(lockConfig.ObjectLockEnabled?.Value, "Enabled", StringComparison.OrdinalIgnoreCase))
            {
                return Readout<ObjectLockSetting>.NotConfigured("Object lock is not enabled.");
            }

            DefaultRetention? retention = lockConfig.Rule?.DefaultRetention;
            string mode = retention?.Mode?.Value ?? string.Empty;
            return Readout<ObjectLockSetting>.Of(new ObjectLockSetting(true, mode.Length == 0 ? "None" : mode, retention?.Days, retention?.Years));
        }, new[] { "ObjectLockConfigurationNotFoundError" }, "Object lock is not enabled.");

        public Task<Readout<EncryptionSetting>> EncryptionAsync() => Read("GetBucketEncryption", S3Feature.DefaultEncryption, async ct =>
        {
            GetBucketEncryptionResponse response = await _session.Client.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = _bucket }, ct).ConfigureAwait(false);
            await BareNotFound.CheckAsync(response, _session, _bucket, ct).ConfigureAwait(false);
            ServerSideEncryptionRule? rule = response.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault();
            ServerSideEncryptionByDefault? byDefault = rule?.ServerSideEncryptionByDefault;
            string algorithm = byDefault?.ServerSideEncryptionAlgorithm?.Value ?? string.Empty;
            if (algorithm.Length == 0)
            {
                return Readout<EncryptionSetting>.NotConfigured("No default encryption is configured.");
            }

            string kind = algorithm switch
            {
                "AES256" => "SSE-S3",
                "aws:kms" => "SSE-KMS",
                "aws:kms:dsse" => "DSSE-KMS",
                _ => algorithm,
            };
            return Readout<EncryptionSetting>.Of(new EncryptionSetting(kind, byDefault!.ServerSideEncryptionKeyManagementServiceKeyId ?? string.Empty, rule!.BucketKeyEnabled));
        }, new[] { "ServerSideEncryptionConfigurationNotFoundError" }, "No default encryption is configured.");

        public Task<Readout<LoggingSetting>> LoggingAsync() => Read("GetBucketLogging", S3Feature.ServerAccessLogging, async ct =>
        {
            CurrentLogging current = await CurrentLogging.ReadAsync(_session, _bucket, ct).ConfigureAwait(false);
            return current.Enabled
                ? Readout<LoggingSetting>.Of(new LoggingSetting(current.Target, current.Prefix))
                : Readout<LoggingSetting>.NotConfigured("Server access logging is off.");
        }, Array.Empty<string>(), string.Empty);

        private Task<Readout<T>> Read<T>(string operation, S3Feature? feature, Func<CancellationToken, Task<Readout<T>>> read, string[] notConfiguredCodes, string notConfiguredReason) =>
            SettingReader.ReadAsync(_session, _bucket, operation, feature, read, notConfiguredCodes, notConfiguredReason, _output, _cancellationToken);
    }
}
