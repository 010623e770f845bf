using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
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
            _reports.GetOrAdd(bucket, b => new Lazy<Task<BucketPostureReport>>(() => ReadAsync(b, output, cancellationToken))).Value;

        /// <summary>The buckets whose review found them missing, once every check has finished.</summary>
        public IEnumerable<(string Bucket, BucketPostureReport Report)> Missing() =>
            _reports.Where(r => r.Value.IsValueCreated && r.Value.Value.Status == TaskStatus.RanToCompletion && r.Value.Value.Result.BucketMissing)
                .Select(r => (r.Key, r.Value.Value.Result))
                .OrderBy(r => r.Key, StringComparer.Ordinal);

        private async Task<BucketPostureReport> ReadAsync(string bucket, IAuditOutput output, CancellationToken cancellationToken)
        {
            // One error per failure and bucket (a bucket that denies every read is one error), written when the bucket is done.
            var bucketOutput = new BucketErrorOutput(output);
            BucketPostureReport report = await _reader.ReadBucketAsync(bucket, new BucketPostureRequest(), bucketOutput, cancellationToken).ConfigureAwait(false);
            bucketOutput.Flush();
            return report;
        }
    }
}
