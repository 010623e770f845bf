using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Providers;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Turns server access logging off (an empty logging status) and, with -RemovePermission, removes the source from
    /// S3Audit's statement in the target's bucket policy, never touching other statements.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "S3AccessLogging", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(S3AccessLoggingResult))]
    public sealed class DisableS3AccessLoggingCommand : S3AuditCmdlet
    {
        /// <summary>The source buckets.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string[] BucketName { get; set; } = new string[0];

        /// <summary>Also remove the source from S3Audit's statement in the target's policy.</summary>
        [Parameter]
        public SwitchParameter RemovePermission { get; set; }

        /// <summary>The target whose policy to clean when logging is already off.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string? TargetBucketName { get; set; }

        /// <summary>The prefix whose resource to drop when logging is already off; default "&lt;source-bucket&gt;/".</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TargetPrefix { get; set; }

        /// <summary>Write the result object.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            RequireFeature(S3Feature.ServerAccessLogging);
            var disabler = new AccessLoggingDisabler(Session);
            var change = new PlannedLoggingChange<DisableLoggingPlan>(this, disabler.ApplyAsync, PassThru.IsPresent);
            foreach (string bucket in BucketName)
            {
                var request = new DisableLoggingRequest
                {
                    BucketName = bucket,
                    RemovePermission = RemovePermission.IsPresent,
                    TargetBucketName = TargetBucketName,
                    TargetPrefix = TargetPrefix,
                };

                change.Run((output, token) => disabler.PlanAsync(request, output, token),
                    $"Disable access logging of '{bucket}'",
                    $"Turn off the access logging of '{bucket}'?");
            }
        }
    }
}
