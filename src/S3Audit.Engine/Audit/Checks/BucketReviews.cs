using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Posture;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// One Get-S3AuditBucket review (posture with its exposure verdict) per bucket and target session, shared by the
    /// exposure, posture and logging checks so a bucket is read once however many of them are enabled.
    /// </summary>
    internal sealed class BucketReviews
    {
        private static readonly ConditionalWeakTable<S3Session, BucketReviews> BySession = new ConditionalWeakTable<S3Session, BucketReviews>();
        private readonly ConcurrentDictionary<string, Lazy<Task<BucketPostureReport>>> _reports = new ConcurrentDictionary<string, Lazy<Task<BucketPostureReport>>>(StringComparer.Ordinal);
        private readonly BucketPostureReader _reader;

        private BucketReviews(S3Session session) => _reader = new BucketPostureReader(session);

        /// <summary>The bucket's review; read on first request. Read failures go to the first requester's output.</summary>
        public static Task<BucketPostureReport> GetAsync(AuditCheckContext context, string bucket, CancellationToken cancellationToken)
        {
            BucketReviews reviews = BySession.GetValue(context.Session, s => new BucketReviews(s));
            return reviews._reports.GetOrAdd(bucket, b => new Lazy<Task<BucketPostureReport>>(
                () => reviews._reader.ReadBucketAsync(b, new BucketPostureRequest(), context.Output, cancellationToken))).Value;
        }

        /// <summary>A severity as the bucket engines write it (Critical, High, Medium, Low, Info), or null for Unknown.</summary>
        public static S3AuditSeverity? SeverityOf(string severity) =>
            Enum.TryParse(severity, ignoreCase: true, out S3AuditSeverity parsed) && severity != "Unknown" ? parsed : (S3AuditSeverity?)null;
    }
}
