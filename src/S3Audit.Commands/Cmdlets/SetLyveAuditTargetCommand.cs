using System;
using System.Linq;
using System.Management.Automation;
using S3Audit.Commands.Completion;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Providers;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Checks that a bucket can be Lyve Cloud's audit-log target (exists, reachable, object lock with a default
    /// retention, versioning), optionally creates it, and records it in the per-user settings file. Choosing the
    /// target in the Lyve console has no documented API: the output names that remaining step.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LyveAuditTarget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ValidateSet)]
    [OutputType(typeof(LyveAuditTarget))]
    public sealed class SetLyveAuditTargetCommand : S3AuditCmdlet
    {
        private const string ValidateSet = "Validate";
        private const string CreateSet = "Create";

        /// <summary>The target bucket.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketNameCompleter))]
        public string BucketName { get; set; } = string.Empty;

        /// <summary>Create the bucket with object lock and a default retention when it does not exist.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CreateSet)]
        public SwitchParameter Create { get; set; }

        /// <summary>The default retention mode of a created bucket.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CreateSet)]
        [ValidateSet("Governance", "Compliance")]
        [PSDefaultValue(Value = "Governance")]
        public string RetentionMode { get; set; } = "Governance";

        /// <summary>The default retention of a created bucket, in days.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CreateSet)]
        [ValidateRange(1, 36500)]
        public int RetentionDays { get; set; }

        /// <summary>The log kinds Lyve Cloud is expected to write into the bucket.</summary>
        [Parameter]
        [ValidateSet("S3", "IAM", "Console")]
        [PSDefaultValue(Value = new[] { "S3", "IAM", "Console" }, Help = "S3, IAM, Console")]
        public string[] LogKind { get; set; } = { "S3", "IAM", "Console" };

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            RequireFeature(S3Feature.LyveAuditTarget);
            var validator = new LyveTargetValidator(Session);
            LyveAuditTarget? target = null;
            RunEngine(async (output, token) => target = await validator.ValidateAsync(BucketName, token).ConfigureAwait(false));

            if (Create.IsPresent && target!.Exists)
            {
                WriteWarning($"Bucket '{BucketName}' already exists, so -Create did nothing; it is validated as it is.");
            }
            else if (Create.IsPresent && ShouldProcess(BucketName, $"Create bucket with object lock and default retention {RetentionMode} for {RetentionDays} days"))
            {
                var creator = new LyveTargetCreator(Session);
                RunEngine(async (output, token) =>
                {
                    // A failed create is written as an error; the validation below says what the bucket lacks.
                    await creator.TryCreateAsync(BucketName, RetentionMode, RetentionDays, output, token).ConfigureAwait(false);
                    target = await validator.ValidateAsync(BucketName, token).ConfigureAwait(false);
                });
            }

            target!.LogKinds = string.Join(", ", LogKind.Distinct(StringComparer.OrdinalIgnoreCase));
            if (!target.Eligible)
            {
                WriteWarning($"'{BucketName}' is not an eligible Lyve audit target and is not recorded: {target.Reasons}");
            }
            else
            {
                var store = new LyveTargetStore();
                if (ShouldProcess(store.Path, $"Record Lyve audit target '{BucketName}' on {target.EndpointUrl}"))
                {
                    LyveTargetRecorder.Record(target, store, DateTimeOffset.UtcNow);
                }
            }

            WriteObject(target);
        }
    }
}
