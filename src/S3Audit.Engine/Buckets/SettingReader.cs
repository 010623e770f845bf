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
    /// answers NotImplemented), NotConfigured for the error codes that mean "nothing set", and Unknown (with the
    /// error written to the output) for anything else.
    /// </summary>
    internal static class SettingReader
    {
        public static async Task<Readout<T>> ReadAsync<T>(S3Session session, string bucket, string operation, S3Feature? feature,
            Func<CancellationToken, Task<Readout<T>>> read, string[] notConfiguredCodes, string notConfiguredReason, IAuditOutput output, CancellationToken cancellationToken)
        {
            if (feature.HasValue && !session.Capabilities.Supports(feature.Value))
            {
                return Readout<T>.NotSupported($"{session.Provider} does not support {feature.Value}.");
            }

            try
            {
                return await read(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (notConfiguredCodes.Contains(S3ErrorClassifier.ErrorCode(e), StringComparer.Ordinal))
                {
                    return Readout<T>.NotConfigured(notConfiguredReason);
                }

                AuditError error = S3ErrorClassifier.Classify(e, operation, bucket);
                if (error.Kind == AuditErrorKind.NotSupported)
                {
                    output.WriteVerbose(error.Message);
                    return Readout<T>.NotSupported(error.Message);
                }

                output.WriteError(error);
                return Readout<T>.Unknown(error.Message, error.Kind);
            }
        }
    }
}
