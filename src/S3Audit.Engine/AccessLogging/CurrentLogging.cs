using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>A bucket's current logging configuration: target, prefix and key format; Target empty when logging is off.</summary>
    internal sealed class CurrentLogging
    {
        private CurrentLogging(string target, string prefix, string keyFormat)
        {
            Target = target;
            Prefix = prefix;
            KeyFormat = keyFormat;
        }

        public string Target { get; }
        public string Prefix { get; }
        public string KeyFormat { get; }
        public bool Enabled => Target.Length > 0;

        /// <summary>target/prefix, or empty when logging is off.</summary>
        public string Describe() => Enabled ? $"{Target}/{Prefix} ({KeyFormat})" : string.Empty;

        /// <summary>True when the logs go to <paramref name="target"/> under <paramref name="prefix"/>.</summary>
        public bool LogsTo(string target, string prefix) =>
            string.Equals(Target, target, StringComparison.Ordinal) && string.Equals(Prefix, prefix, StringComparison.Ordinal);

        public bool Matches(string target, string prefix, string keyFormat) =>
            LogsTo(target, prefix) && string.Equals(KeyFormat, keyFormat, StringComparison.Ordinal);

        /// <summary>Reads GetBucketLogging; null after writing the failure as an error.</summary>
        public static async Task<CurrentLogging?> TryReadAsync(S3Session session, string bucket, IAuditOutput output, CancellationToken cancellationToken)
        {
            try
            {
                return await ReadAsync(session, bucket, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                output.WriteError(S3ErrorClassifier.Classify(e, "GetBucketLogging", bucket));
                return null;
            }
        }

        /// <summary>Reads GetBucketLogging; failures are thrown to the caller, which decides.</summary>
        public static async Task<CurrentLogging> ReadAsync(S3Session session, string bucket, CancellationToken cancellationToken)
        {
            GetBucketLoggingResponse response = await session.Client.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            await BareNotFound.CheckAsync(response, session, bucket, cancellationToken).ConfigureAwait(false);
            S3BucketLoggingConfig? config = response.BucketLoggingConfig;
            return new CurrentLogging(config?.TargetBucketName ?? string.Empty, config?.TargetPrefix ?? string.Empty, LoggingKeyFormat.Describe(config?.TargetObjectKeyFormat));
        }
    }
}
