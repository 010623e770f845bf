using System.Collections.Generic;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Lyve;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Lists the Lyve Cloud audit targets recorded by Set-LyveAuditTarget and re-validates each on its recorded
    /// endpoint with the given credentials.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LyveAuditTarget")]
    [OutputType(typeof(LyveAuditTarget))]
    public sealed class GetLyveAuditTargetCommand : S3AuditCmdlet
    {
        private readonly List<string> _patterns = new List<string>();

        /// <summary>Recorded target buckets to show, wildcards allowed; all when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? BucketName { get; set; }

        /// <summary>Show the records without contacting the endpoints.</summary>
        [Parameter]
        public SwitchParameter NoValidation { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (BucketName != null)
            {
                _patterns.AddRange(BucketName);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var reviewer = new LyveTargetReviewer(new LyveTargetStore(), BuildConnectionOptions());
            RunEngine((output, token) => reviewer.RunAsync(_patterns, !NoValidation.IsPresent, output, token));
        }
    }
}
