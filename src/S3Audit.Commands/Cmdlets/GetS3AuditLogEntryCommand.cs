using System.Management.Automation;
using S3Audit.Commands.Hosting;

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

        internal override bool IncludeRawRecords => IncludeRaw.IsPresent;
    }
}
