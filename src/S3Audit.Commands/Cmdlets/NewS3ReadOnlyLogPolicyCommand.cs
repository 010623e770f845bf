using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Policies;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Generates the least-privilege policy a log reader (an analytics service) needs: find and read the logs under
    /// a bucket and prefix, nothing else, over TLS only. Offline.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "S3ReadOnlyLogPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(S3PolicyDocument))]
    public sealed class NewS3ReadOnlyLogPolicyCommand : LogPolicyCmdlet
    {
        /// <summary>Adds s3:DeleteObject on the prefix, so the reader can purge what it has processed.</summary>
        [Parameter]
        public SwitchParameter AllowPurge { get; set; }

        internal override LogPolicyPurpose Purpose => LogPolicyPurpose.ReadOnlyLog;

        internal override bool DeleteAllowed => AllowPurge.IsPresent;
    }
}
