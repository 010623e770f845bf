using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Posture;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// One Get-S3AuditBucket review (posture with its exposure verdict) per bucket of one target, shared by the
    /// exposure, posture and logging checks so a bucket is read once however many of them are enabled.
    /// </summary>
    internal sealed class BucketReviews
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<BucketPostureReport>>> _reports = new ConcurrentDictionary<string, Lazy<Task<BucketPostureReport>>>(StringComparer.Ordinal);
        private readonly BucketPostureReader _reader;

        public BucketReviews(S3Session session) => _reader = new BucketPostureReader(session);

        /// <summary>The bucket's review; read on first request. Read failures go to the first requester's output.</summary>
        public Task<BucketPostureReport> GetAsync(string bucket, IAuditOutput output, CancellationToken cancellationToken) =>
            _reports.GetOrAdd(bucket, b => new Lazy<Task<BucketPostureReport>>(
                () => _reader.ReadBucketAsync(b, new BucketPostureRequest(), output, cancellationToken))).Value;
    }
}
