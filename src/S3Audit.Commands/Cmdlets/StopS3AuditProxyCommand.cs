using System;
using System.Linq;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Proxy;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Stops logging gateways: no new connections, requests in flight get -TimeoutSec to finish (each keeps its log
    /// line), then the log is written out and closed.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "S3AuditProxy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Id")]
    [OutputType(typeof(S3AuditProxy))]
    public sealed class StopS3AuditProxyCommand : PSCmdlet
    {
        /// <summary>The gateways to stop (from Start- or Get-S3AuditProxy, also by pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "Id")]
        public int[] Id { get; set; } = new int[0];

        /// <summary>Stops every gateway of this process.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "All")]
        public SwitchParameter All { get; set; }

        /// <summary>Seconds requests in flight may take to finish.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        [PSDefaultValue(Value = 10)]
        public int TimeoutSec { get; set; } = 10;

        /// <summary>Writes each stopped gateway's final counters.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var running = ProxyRegistry.Running;
            foreach (int missing in All.IsPresent ? new int[0] : Id.Where(id => running.All(s => s.Id != id)))
            {
                WriteError(ProxyErrors.NotFound(missing));
            }

            foreach (ProxyServer server in running.Where(s => All.IsPresent || Id.Contains(s.Id)))
            {
                if (!ShouldProcess($"gateway {server.Id} on {server.Endpoint} (to {server.Upstream})", "Stop"))
                {
                    continue;
                }

                server.Stop(TimeSpan.FromSeconds(TimeoutSec));
                if (PassThru.IsPresent)
                {
                    WriteObject(server.Snapshot());
                }
            }
        }
    }
}
