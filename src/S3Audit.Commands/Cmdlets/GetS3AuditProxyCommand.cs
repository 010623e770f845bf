using System.Linq;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Proxy;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>The logging gateways running in this PowerShell process, with their counters as they are now.</summary>
    [Cmdlet(VerbsCommon.Get, "S3AuditProxy")]
    [OutputType(typeof(S3AuditProxy))]
    public sealed class GetS3AuditProxyCommand : PSCmdlet
    {
        /// <summary>Only these gateways.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public int[]? Id { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Read once: a Stop-S3AuditProxy further down the pipeline removes gateways while this writes.
            var running = ProxyRegistry.Running;
            foreach (int missing in (Id ?? new int[0]).Where(id => running.All(s => s.Id != id)))
            {
                WriteError(ProxyErrors.NotFound(missing));
            }

            foreach (ProxyServer server in running.Where(s => Id == null || Id.Contains(s.Id)))
            {
                WriteObject(server.Snapshot());
            }
        }
    }
}
