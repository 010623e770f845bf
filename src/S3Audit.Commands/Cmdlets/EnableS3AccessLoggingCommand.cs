using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Providers;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Turns on server access logging for source buckets: checks the target against S3's rules, merges a delivery grant
    /// into the target's bucket policy by S3Audit's own Sid (every other statement kept), sets the logging configuration,
    /// and reads both back. A second identical run writes nothing (AlreadyEnabled).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "S3AccessLogging", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(S3AccessLoggingResult))]
    public sealed class EnableS3AccessLoggingCommand : S3AuditCmdlet
    {
        /// <summary>The source buckets whose requests are logged.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string[] BucketName { get; set; } = new string[0];

        /// <summary>The bucket that receives the log objects (same region and account).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string TargetBucketName { get; set; } = string.Empty;

        /// <summary>The key prefix of the log objects; default "&lt;source-bucket&gt;/".</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TargetPrefix { get; set; }

        /// <summary>Date-partitioned log keys: [prefix][account]/[region]/[bucket]/[yyyy]/[mm]/[dd]/...</summary>
        [Parameter]
        public SwitchParameter PartitionedPrefix { get; set; }

        /// <summary>The date in partitioned keys: EventTime (default) or DeliveryTime.</summary>
        [Parameter]
        [ValidateSet("EventTime", "DeliveryTime")]
        [PSDefaultValue(Value = "EventTime")]
        public string PartitionDateSource { get; set; } = "EventTime";

        /// <summary>Grant the legacy LogDelivery group on the target's ACL instead of a bucket-policy statement.</summary>
        [Parameter]
        public SwitchParameter UseAclGrant { get; set; }

        /// <summary>Write the result object.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Allow the source as its own target, and replace a different existing logging target.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            RequireFeature(S3Feature.ServerAccessLogging);
            var enabler = new AccessLoggingEnabler(Session);
            var change = new PlannedLoggingChange<EnableLoggingPlan>(this, enabler.ApplyAsync, PassThru.IsPresent);
            foreach (string bucket in BucketName)
            {
                var request = new EnableLoggingRequest
                {
                    BucketName = bucket,
                    TargetBucketName = TargetBucketName,
                    TargetPrefix = TargetPrefix,
                    PartitionedPrefix = PartitionedPrefix.IsPresent,
                    PartitionDateSource = PartitionDateSource,
                    UseAclGrant = UseAclGrant.IsPresent,
                    Force = Force.IsPresent,
                };

                change.Run((output, token) => enabler.PlanAsync(request, output, token),
                    $"Enable access logging of '{bucket}' into '{TargetBucketName}'",
                    $"Change the access logging of '{bucket}' and the permission on '{TargetBucketName}'?");
            }
        }
    }
}
