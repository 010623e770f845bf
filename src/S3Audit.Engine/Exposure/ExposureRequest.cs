using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Exposure
{
    /// <summary>What Test-S3PublicExposure checks.</summary>
    public sealed class ExposureRequest
    {
        /// <summary>Bucket names or wildcards; empty means every bucket.</summary>
        public IList<string> BucketNames { get; set; } = new List<string>();
        /// <summary>Also read object ACLs.</summary>
        public bool IncludeObjects { get; set; }
        /// <summary>Only objects under this prefix (with <see cref="IncludeObjects"/>).</summary>
        public string? Prefix { get; set; }
        /// <summary>At most this many objects per bucket (with <see cref="IncludeObjects"/>); 0 for all.</summary>
        public int MaxObjects { get; set; } = 1000;
        /// <summary>Object ACL requests in flight at once.</summary>
        public int ThrottleLimit { get; set; } = 8;
        /// <summary>Write one <c>S3ExposureFinding</c> per cause instead of one result per bucket.</summary>
        public bool Detailed { get; set; }
        /// <summary>Overrides the STS endpoint used to find the account id (tests, private endpoints).</summary>
        public Uri? StsEndpoint { get; set; }
        /// <summary>Overrides the S3 Control endpoint used for the account-level Block Public Access.</summary>
        public Uri? S3ControlEndpoint { get; set; }
    }

    /// <summary>One bucket's exposure: the flat result and the findings behind it.</summary>
    public sealed class ExposureReport
    {
        internal ExposureReport(S3ExposureResult result, IReadOnlyList<S3ExposureFinding> findings, Buckets.EffectivePublicAccessBlock publicAccessBlock, bool bucketMissing = false)
        {
            BucketMissing = bucketMissing;
            Result = result;
            Findings = findings;
            PublicAccessBlock = publicAccessBlock;
        }

        /// <summary>The row Test-S3PublicExposure writes by default.</summary>
        public S3ExposureResult Result { get; }
        /// <summary>The rows -Detailed writes (informational rows, such as Deny statements, included).</summary>
        public IReadOnlyList<S3ExposureFinding> Findings { get; }
        /// <summary>True when the bucket does not exist (the error has been written; no row should be).</summary>
        public bool BucketMissing { get; }
        /// <summary>The effective Block Public Access the verdict used.</summary>
        public Buckets.EffectivePublicAccessBlock PublicAccessBlock { get; }
    }
}
