using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Buckets
{
    /// <summary>
    /// The one way a bucket setting is read: NotSupported when the provider lacks the feature (or the endpoint
    /// answers NotImplemented), NotConfigured for the error codes that mean "nothing set", and Unknown for anything else.
    /// </summary>
    internal static class SettingReader
    {
        /// <summary>Reads and classifies the setting, writing an Unknown's error to the output (a NotSupported answer as verbose).</summary>
        public static async Task<Readout<T>> ReadAsync<T>(S3Session session, string bucket, string operation, S3Feature? feature,
            Func<CancellationToken, Task<Readout<T>>> read, string[] notConfiguredCodes, string notConfiguredReason, IAuditOutput output, CancellationToken cancellationToken)
        {
            SettingRead<T> setting = await TryReadAsync(session, bucket, operation, feature, read, notConfiguredCodes, notConfiguredReason, cancellationToken).ConfigureAwait(false);
            if (setting.Failure != null)
            {
                output.WriteError(setting.Failure);
            }
            else if (setting.Error != null)
            {
                output.WriteVerbose(setting.Error.Message);
            }

            return setting.Readout;
        }

        /// <summary>Reads and classifies the setting without writing anything: the caller decides what a failure means.</summary>
        public static async Task<SettingRead<T>> TryReadAsync<T>(S3Session session, string bucket, string operation, S3Feature? feature,
            Func<CancellationToken, Task<Readout<T>>> read, string[] notConfiguredCodes, string notConfiguredReason, CancellationToken cancellationToken)
        {
            if (feature.HasValue && !session.Capabilities.Supports(feature.Value))
            {
                return new SettingRead<T>(Readout<T>.NotSupported($"{session.Provider} does not support {feature.Value}."));
            }

            try
            {
                return new SettingRead<T>(await read(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                if (notConfiguredCodes.Contains(S3ErrorClassifier.ErrorCode(e), StringComparer.Ordinal))
                {
                    return new SettingRead<T>(Readout<T>.NotConfigured(notConfiguredReason));
                }

                AuditError error = S3ErrorClassifier.Classify(e, operation, bucket);
                return error.Kind == AuditErrorKind.NotSupported
                    ? new SettingRead<T>(Readout<T>.NotSupported(error.Message), error)
                    : new SettingRead<T>(Readout<T>.Unknown(error.Message, error.Kind), error);
            }
        }
    }
}
