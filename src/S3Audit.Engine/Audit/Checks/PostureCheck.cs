using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// The posture and logging checks: Get-S3AuditBucket's findings per bucket (rule = its check id). Posture takes
    /// every finding but exposure (the exposure check's) and logging (the logging check's); logging takes LoggingOff
    /// (a provider without access logging gets the logging check's own Unknown, which names the alternatives).
    /// </summary>
    public sealed class PostureCheck : IAuditCheck
    {
        private const int ThrottleLimit = 4;
        private static readonly HashSet<string> ExposureFindings = new HashSet<string>(StringComparer.Ordinal) { "PublicExposure", "LatentExposure" };
        private static readonly HashSet<string> LoggingFindings = new HashSet<string>(StringComparer.Ordinal) { "LoggingOff", "ServerAccessLoggingNotSupported" };

        private readonly Func<string, bool> _takes;
        private readonly S3Feature? _requires;

        private PostureCheck(string name, Func<string, bool> takes, S3Feature? requires = null)
        {
            Name = name;
            _takes = takes;
            _requires = requires;
        }

        /// <summary>Bucket posture: encryption, versioning, object lock, Block Public Access, ACLs, secure transport.</summary>
        public static PostureCheck Posture() => new PostureCheck(AuditCheckNames.Posture, id => !ExposureFindings.Contains(id) && !LoggingFindings.Contains(id));

        /// <summary>Server access logging.</summary>
        public static PostureCheck Logging() => new PostureCheck(AuditCheckNames.Logging, LoggingFindings.Contains, S3Feature.ServerAccessLogging);

        /// <inheritdoc />
        public string Name { get; }

        /// <inheritdoc />
        public Task RunAsync(AuditCheckContext context, CancellationToken cancellationToken)
        {
            if (_requires.HasValue && !context.Session.Capabilities.Supports(_requires.Value))
            {
                // A provider without the feature is not compliant by default: say what to use instead.
                ProviderCapabilities capabilities = context.Session.Capabilities;
                context.Unknown(string.Empty, _requires.Value + "NotSupported", $"{capabilities.Provider} does not support {_requires.Value}, so this check cannot pass.",
                    capabilities.AlternativeTo(_requires.Value) ?? string.Empty, BucketChecks.LoggingNotSupportedSeverity);
                return Task.CompletedTask;
            }

            return ReviewBucketsAsync(context, cancellationToken);
        }

        private Task ReviewBucketsAsync(AuditCheckContext context, CancellationToken cancellationToken) =>
            BoundedParallel.ForEachAsync(context.Buckets, ThrottleLimit, async (bucket, ct) =>
            {
                BucketPostureReport review = await context.Reviews.GetAsync(bucket, context.Output, ct).ConfigureAwait(false);
                foreach (S3AuditBucketFinding finding in review.Findings.Where(f => _takes(f.CheckId)))
                {
                    if (finding.Result == S3AuditResult.Unknown)
                    {
                        context.Unknown(bucket, finding.CheckId, $"{finding.Title}: {finding.Detail}", finding.Remediation, finding.Severity);
                    }
                    else
                    {
                        context.Fail(bucket, finding.CheckId, finding.Severity, $"{finding.Title}: {finding.Detail}", finding.Remediation);
                    }
                }
            }, cancellationToken);
    }
}
