using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// The logAnomalies check: reads each bucket's server access logs of the last N hours (Get-S3AuditLogEntry's
    /// reader, with the listing pushed down to the window) and reports <see cref="LogAnomalyRules"/>' findings.
    /// A bucket whose logs cannot be found or read is Unknown, never clean.
    /// </summary>
    public sealed class LogAnomaliesCheck : IAuditCheck
    {
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates the check; <paramref name="clock"/> is the end of the window (now by default).</summary>
        public LogAnomaliesCheck(Func<DateTimeOffset>? clock = null) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

        /// <inheritdoc />
        public string Name => AuditCheckNames.LogAnomalies;

        /// <inheritdoc />
        public async Task RunAsync(AuditCheckContext context, CancellationToken cancellationToken)
        {
            DateTimeOffset end = _clock();
            DateTimeOffset start = end.AddHours(-context.Settings.Hours);

            // Buckets that log under the same target prefix share one read of it.
            var byTarget = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (string bucket in context.Buckets)
            {
                BucketPostureReport review = await context.Reviews.GetAsync(bucket, context.Output, cancellationToken).ConfigureAwait(false);
                if (review.BucketMissing)
                {
                    continue;
                }

                if (review.Bucket.LoggingEnabled != true || review.Bucket.LoggingTarget.Length == 0)
                {
                    context.Unknown(bucket, "NoAccessLogs", $"Server access logging {(review.Bucket.LoggingEnabled == null ? "could not be read" : "is off")}, so the last {context.Settings.Hours} hour(s) could not be analysed.",
                        "Turn on access logging (Enable-S3AccessLogging), or analyse the provider's audit logs with Get-S3AuditLogEntry.");
                    continue;
                }

                if (!byTarget.TryGetValue(review.Bucket.LoggingTarget, out List<string>? sources))
                {
                    byTarget[review.Bucket.LoggingTarget] = sources = new List<string>();
                }

                sources.Add(bucket);
            }

            foreach (KeyValuePair<string, List<string>> target in byTarget)
            {
                await AnalyseAsync(context, target.Key, target.Value, start, end, cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task AnalyseAsync(AuditCheckContext context, string loggingTarget, IReadOnlyList<string> buckets, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
        {
            int slash = loggingTarget.IndexOf('/');
            var request = new LogReadRequest { BucketName = loggingTarget.Substring(0, slash), Prefix = loggingTarget.Substring(slash + 1) };
            request.Options.Filter.StartTime = start;
            request.Options.Filter.EndTime = end;

            // Other sources may log under the same prefix: keep the audited buckets' events only.
            var events = buckets.ToDictionary(b => b, _ => new ConcurrentQueue<S3AuditLogEntry>(), StringComparer.Ordinal);
            var errors = new ErrorCountingOutput(context.Output);
            await new LogEntryReader(context.Session).RunAsync(request, entry =>
            {
                if (events.TryGetValue(entry.BucketName, out ConcurrentQueue<S3AuditLogEntry>? queue))
                {
                    queue.Enqueue(entry);
                }
            }, errors, cancellationToken).ConfigureAwait(false);

            foreach (KeyValuePair<string, ConcurrentQueue<S3AuditLogEntry>> bucket in events)
            {
                if (errors.Count > 0)
                {
                    context.Unknown(bucket.Key, "AccessLogsUnreadable", $"{errors.Count} error(s) while reading the access logs under {loggingTarget}; the analysis of {bucket.Value.Count} event(s) may be incomplete.",
                        "Give the auditing identity s3:ListBucket and s3:GetObject on the log bucket (New-S3ReadOnlyLogPolicy).");
                }

                context.Output.WriteVerbose($"Bucket '{bucket.Key}': {bucket.Value.Count} access-log event(s) between {start:u} and {end:u}.");
                context.Activity(bucket.Key, start, end, bucket.Value);
                foreach (LogAnomaly anomaly in LogAnomalyRules.Evaluate(bucket.Value))
                {
                    context.Fail(bucket.Key, anomaly.Resource, anomaly.Rule, anomaly.Severity, anomaly.Detail, anomaly.Remediation);
                }
            }
        }

        /// <summary>Passes everything on and counts the errors, so a partly unreadable log is not taken as quiet.</summary>
        private sealed class ErrorCountingOutput : IAuditOutput
        {
            private readonly IAuditOutput _inner;
            private int _count;

            public ErrorCountingOutput(IAuditOutput inner) => _inner = inner;

            public int Count => Volatile.Read(ref _count);

            public void WriteObject(object item) => _inner.WriteObject(item);

            public void WriteError(Errors.AuditError error)
            {
                Interlocked.Increment(ref _count);
                _inner.WriteError(error);
            }

            public void WriteWarning(string message) => _inner.WriteWarning(message);

            public void WriteVerbose(string message) => _inner.WriteVerbose(message);

            public void WriteProgress(AuditProgress progress) => _inner.WriteProgress(progress);
        }
    }
}
