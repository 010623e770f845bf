using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Logs;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Reads audit logs of every supported provider (AWS server access logs, Lyve Cloud S3/IAM/console, MinIO,
    /// CloudTrail, Ceph RGW ops log) from files or a log bucket and writes one normalized entry per request.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "S3AuditLogEntry", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(S3AuditLogEntry))]
    public sealed class GetS3AuditLogEntryCommand : AuditLogCmdlet
    {
        /// <summary>Add the raw record, secrets masked, as the Raw property.</summary>
        [Parameter]
        public SwitchParameter IncludeRaw { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == PathSet)
            {
                CollectPaths();
                return;
            }

            Read();
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (ParameterSetName == PathSet)
            {
                Read();
            }
        }

        private void Read()
        {
            LogReadRequest? request = BuildRequest(IncludeRaw.IsPresent);
            if (request == null)
            {
                return;
            }

            var reader = new LogEntryReader(request.BucketName == null ? null : Session);
            RunEngine((output, token) => reader.RunAsync(request, output, token));
        }
    }
}
