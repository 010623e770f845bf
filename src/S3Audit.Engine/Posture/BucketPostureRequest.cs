using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Posture
{
    /// <summary>What Get-S3AuditBucket reads and checks.</summary>
    public sealed class BucketPostureRequest
    {
        /// <summary>Bucket names or wildcards; empty means every bucket.</summary>
        public IList<string> BucketNames { get; set; } = new List<string>();
        /// <summary>SSE-S3 (or no encryption) is a finding: KMS is required (e.g. for log stores).</summary>
        public bool RequireKms { get; set; }
        /// <summary>A bucket without object lock is a finding (backup buckets).</summary>
        public bool RequireObjectLock { get; set; }
        /// <summary>Write one <c>S3AuditBucketFinding</c> per finding instead of one row per bucket.</summary>
        public bool Detailed { get; set; }
        /// <summary>How many buckets are read at once (each bucket's reads are sequential); output keeps the bucket order.</summary>
        public int ThrottleLimit { get; set; } = 4;
        /// <summary>Overrides the STS endpoint used to find the account id.</summary>
        public Uri? StsEndpoint { get; set; }
        /// <summary>Overrides the S3 Control endpoint used for the account-level Block Public Access.</summary>
        public Uri? S3ControlEndpoint { get; set; }
    }

    /// <summary>One bucket's posture: the row, its findings and the exposure report behind the Exposure column.</summary>
    public sealed class BucketPostureReport
    {
        internal BucketPostureReport(S3AuditBucket bucket, IReadOnlyList<S3AuditBucketFinding> findings, Exposure.ExposureReport exposure)
        {
            Bucket = bucket;
            Findings = findings;
            Exposure = exposure;
        }

        /// <summary>The row Get-S3AuditBucket writes by default.</summary>
        public S3AuditBucket Bucket { get; }
        /// <summary>The rows -Detailed writes.</summary>
        public IReadOnlyList<S3AuditBucketFinding> Findings { get; }
        /// <summary>The exposure verdict (with its own findings).</summary>
        public Exposure.ExposureReport Exposure { get; }
        /// <summary>True when the bucket does not exist (the error has been written; no row should be).</summary>
        public bool BucketMissing => Exposure.BucketMissing;
    }
}
