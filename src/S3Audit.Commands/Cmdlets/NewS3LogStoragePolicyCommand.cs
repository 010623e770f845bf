using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Policies;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Generates the least-privilege policy an identity needs to store logs or backups in a bucket (LogScale bucket
    /// storage, a backup agent): put, get and list on the bucket and prefix, TLS only. Offline.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "S3LogStoragePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(S3PolicyDocument))]
    public sealed class NewS3LogStoragePolicyCommand : LogPolicyCmdlet
    {
        /// <summary>Adds s3:DeleteObject on the prefix (retention clean-up by the writer).</summary>
        [Parameter]
        public SwitchParameter AllowDelete { get; set; }

        internal override LogPolicyPurpose Purpose => LogPolicyPurpose.LogStorage;

        internal override bool DeleteAllowed => AllowDelete.IsPresent;
    }
}
