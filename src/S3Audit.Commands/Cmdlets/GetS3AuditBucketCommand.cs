using System.Collections.Generic;
using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Posture;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// One flat row per bucket with its security posture (versioning, object lock, encryption, logging, Block Public
    /// Access, Object Ownership, policy, website, exposure) and the number of failed checks; -Detailed writes the findings.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "S3AuditBucket")]
    [OutputType(typeof(S3AuditBucket), typeof(S3AuditBucketFinding))]
    public sealed class GetS3AuditBucketCommand : S3AuditCmdlet
    {
        private readonly PipedBuckets _buckets = new PipedBuckets();
        // One reader per invocation: the account-level Block Public Access is read once for every piped bucket.
        private BucketPostureReader? _reader;

        /// <summary>Bucket names or wildcards; every bucket when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string[]? BucketName { get; set; }

        /// <summary>Default encryption other than SSE-KMS (or DSSE-KMS) is a finding.</summary>
        [Parameter]
        public SwitchParameter RequireKms { get; set; }

        /// <summary>A bucket without object lock and default retention is a finding (backup buckets).</summary>
        [Parameter]
        public SwitchParameter RequireObjectLock { get; set; }

        /// <summary>Write one S3AuditBucketFinding per finding instead of one row per bucket.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        /// <summary>How many buckets are read at once; rows keep the order of the buckets.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        [PSDefaultValue(Value = 4)]
        public int ThrottleLimit { get; set; } = 4;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            IList<string> fresh = _buckets.Fresh(BucketName);
            if (fresh.Count > 0)
            {
                Run(fresh);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (!_buckets.Ran && !MyInvocation.ExpectingInput)
            {
                Run(new string[0]);
            }
        }

        private void Run(IList<string> buckets)
        {
            _buckets.MarkRan();
            var request = new BucketPostureRequest
            {
                BucketNames = buckets,
                RequireKms = RequireKms.IsPresent,
                RequireObjectLock = RequireObjectLock.IsPresent,
                Detailed = Detailed.IsPresent,
                ThrottleLimit = ThrottleLimit,
            };
            BucketPostureReader reader = _reader ??= new BucketPostureReader(Session);
            RunEngine((output, token) => reader.RunAsync(request, output, token));
        }
    }
}
