using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Exposure;
using S3Audit.Engine.Policies;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Judges each bucket's public exposure by AWS's definition of "public" (ACL, policy, object ACLs, website),
    /// with Block Public Access and Object Ownership applied: Public, Latent (masked), NotPublic or Unknown.
    /// -PolicyDocument and -PolicyPath judge a draft policy offline.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "S3PublicExposure", DefaultParameterSetName = BucketSet)]
    [OutputType(typeof(S3ExposureResult), typeof(S3ExposureFinding))]
    public sealed class TestS3PublicExposureCommand : S3AuditCmdlet
    {
        private const string BucketSet = "Bucket";
        private const string DocumentSet = "PolicyDocument";
        private const string PathSet = "PolicyPath";
        private readonly PipedBuckets _buckets = new PipedBuckets();
        // One auditor per invocation: the account-level Block Public Access is read once for every piped bucket.
        private ExposureAuditor? _auditor;

        /// <summary>Bucket names or wildcards; every bucket when omitted. With -PolicyDocument/-PolicyPath, the name the result carries.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string[]? BucketName { get; set; }

        /// <summary>Write one S3ExposureFinding per cause instead of one S3ExposureResult per bucket.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Also check object ACLs (bounded parallel, with progress).</summary>
        [Parameter(ParameterSetName = BucketSet)]
        public SwitchParameter IncludeObjects { get; set; }

        /// <summary>With -IncludeObjects: only objects under this prefix.</summary>
        [Parameter(ParameterSetName = BucketSet)]
        public string? Prefix { get; set; }

        /// <summary>With -IncludeObjects: at most this many objects per bucket (0 for all).</summary>
        [Parameter(ParameterSetName = BucketSet)]
        [ValidateRange(0, int.MaxValue)]
        [PSDefaultValue(Value = 1000)]
        public int MaxObjects { get; set; } = 1000;

        /// <summary>Object ACL requests in flight at once.</summary>
        [Parameter(ParameterSetName = BucketSet)]
        [ValidateRange(1, 64)]
        [PSDefaultValue(Value = 8)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>A policy document (JSON) to judge offline, without calling S3.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DocumentSet)]
        [ValidateNotNullOrEmpty]
        public string? PolicyDocument { get; set; }

        /// <summary>A file holding a policy document to judge offline, without calling S3.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string? PolicyPath { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName != BucketSet)
            {
                if (!_buckets.Ran)
                {
                    _buckets.MarkRan();
                    EvaluateOffline();
                }

                return;
            }

            IList<string> fresh = _buckets.Fresh(BucketName);
            if (fresh.Count > 0)
            {
                Run(fresh);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (ParameterSetName == BucketSet && !_buckets.Ran && !MyInvocation.ExpectingInput)
            {
                Run(new string[0]);
            }
        }

        private void Run(IList<string> buckets)
        {
            _buckets.MarkRan();
            var request = new ExposureRequest
            {
                BucketNames = buckets,
                IncludeObjects = IncludeObjects.IsPresent,
                Prefix = Prefix,
                MaxObjects = MaxObjects,
                ThrottleLimit = ThrottleLimit,
                Detailed = Detailed.IsPresent,
            };
            ExposureAuditor auditor = _auditor ??= new ExposureAuditor(Session);
            RunEngine((output, token) => auditor.RunAsync(request, output, token));
        }

        private void EvaluateOffline()
        {
            string source = PolicyPath ?? "-PolicyDocument";
            string json = PolicyDocument ?? ReadPolicyFile();
            try
            {
                ExposureReport report = PolicyDocumentExposure.Evaluate(json, Provider ?? S3Provider.Aws, BucketName?.FirstOrDefault() ?? string.Empty);
                if (Detailed.IsPresent)
                {
                    foreach (S3ExposureFinding finding in report.Findings)
                    {
                        WriteObject(finding);
                    }
                }
                else
                {
                    WriteObject(report.Result);
                }
            }
            catch (PolicyParseException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.PolicyDocumentInvalid, ErrorCategory.InvalidData, source));
            }
        }

        private string ReadPolicyFile()
        {
            string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(PolicyPath);
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.PolicyFileUnreadable, e is FileNotFoundException || e is DirectoryNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError, PolicyPath));
                throw;
            }
        }
    }
}
