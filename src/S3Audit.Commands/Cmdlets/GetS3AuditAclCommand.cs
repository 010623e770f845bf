using System.Collections.Generic;
using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Acl;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Lists bucket and object ACL grants, one row per grant, with public grants (AllUsers, AuthenticatedUsers)
    /// flagged and whether ACLs are in force at all (Object Ownership).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "S3AuditAcl")]
    [OutputType(typeof(S3AuditAclGrant))]
    public sealed class GetS3AuditAclCommand : S3AuditCmdlet
    {
        private bool _ran;

        /// <summary>Bucket names or wildcards; every bucket when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string[]? BucketName { get; set; }

        /// <summary>Object keys whose ACLs to read (instead of the bucket's).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Key { get; set; }

        /// <summary>Read the ACLs of the objects under this prefix.</summary>
        [Parameter]
        public string? Prefix { get; set; }

        /// <summary>Read object ACLs at every level below -Prefix (the whole bucket without one).</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>Object ACL requests in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        [PSDefaultValue(Value = 8)]
        public int ThrottleLimit { get; set; } = 8;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (BucketName != null || Key != null)
            {
                Run(BucketName ?? new string[0], Key ?? new string[0]);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            // No bucket named and nothing piped: every bucket the identity can list.
            if (!_ran && !MyInvocation.ExpectingInput)
            {
                Run(new string[0], new string[0]);
            }
        }

        private void Run(IList<string> buckets, IList<string> keys)
        {
            var request = new AclRequest
            {
                BucketNames = buckets,
                Keys = keys,
                Prefix = Prefix,
                Recurse = Recurse.IsPresent,
                ThrottleLimit = ThrottleLimit,
            };
            _ran = true;
            var auditor = new AclAuditor(Session);
            RunEngine((output, token) => auditor.RunAsync(request, output, token));
        }
    }
}
