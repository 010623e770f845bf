using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Proxy;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Starts a logging S3 gateway: clients use it as their S3 endpoint, it checks their SigV4 signatures with the
    /// key it holds, signs each request again for the upstream, streams the bodies, and writes one AWS server access
    /// log line per request into -LogPath. Runs in the background of the session, or in the foreground with -Wait
    /// (a service or scheduled task) until Ctrl+C.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "S3AuditProxy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(S3AuditProxy))]
    public sealed class StartS3AuditProxyCommand : S3AuditCmdlet
    {
        /// <summary>The S3 endpoint to forward to, e.g. https://sos-ch-gva-2.exo.io.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Upstream { get; set; } = string.Empty;

        /// <summary>The folder for the access-log files (created when missing).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string LogPath { get; set; } = string.Empty;

        /// <summary>The address to listen on (127.0.0.1 by default; another needs TLS or -AllowPlainHttp).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [PSDefaultValue(Value = "127.0.0.1")]
        public string ListenAddress { get; set; } = "127.0.0.1";

        /// <summary>The port to listen on; a free one when omitted.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>A PFX file (certificate and private key) for HTTPS on the listening side.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        /// <summary>The PFX file's password.</summary>
        [Parameter]
        public SecureString? CertificatePassword { get; set; }

        /// <summary>Allows plain HTTP on an address other than loopback.</summary>
        [Parameter]
        public SwitchParameter AllowPlainHttp { get; set; }

        /// <summary>What the log's Requester field says for the served key (a name or an ARN you know); the key id by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Requester { get; set; }

        /// <summary>Runs in the foreground until Ctrl+C, then stops the gateway (for a service or scheduled task).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ModuleInitializer.LoadContextType == null)
            {
                // Kestrel 2.3 targets .NET Standard 2.0, but the gateway is tested on PowerShell 7 only: no untested path.
                ThrowTerminatingError(new ErrorRecord(
                    new PlatformNotSupportedException("Start-S3AuditProxy runs on PowerShell 7.4 or later; it is not tested on Windows PowerShell. Install PowerShell 7 (https://aka.ms/powershell) and run it there; the other S3Audit cmdlets keep working here."),
                    ErrorIds.FeatureNotSupported, ErrorCategory.NotImplemented, "Start-S3AuditProxy"));
            }

            if (MyInvocation.BoundParameters.ContainsKey(nameof(EndpointUrl)) && !string.Equals(EndpointUrl?.TrimEnd('/'), Upstream.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"Start-S3AuditProxy forwards to -Upstream ({Upstream}); -EndpointUrl ({EndpointUrl}) names another endpoint. Leave -EndpointUrl out."), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, EndpointUrl));
            }

            if (!Uri.TryCreate(Upstream, UriKind.Absolute, out Uri? upstream) || (upstream.Scheme != "http" && upstream.Scheme != "https"))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Upstream '{Upstream}' is not an absolute http or https URL, for example https://sos-ch-gva-2.exo.io."), ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, Upstream));
            }

            if (!IPAddress.TryParse(ListenAddress, out IPAddress? address))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-ListenAddress '{ListenAddress}' is not an IP address (127.0.0.1, ::1, 0.0.0.0)."), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, ListenAddress));
            }

            string listen = $"{ListenAddress}:{(Port == 0 ? "a free port" : Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            if (!ShouldProcess($"a gateway on {listen} to {Upstream}, logging to {LogPath}", "Start"))
            {
                return;
            }

            EndpointUrl = Upstream;
            var request = new ProxyStartRequest
            {
                Upstream = upstream!,
                ListenAddress = address!,
                Port = Port,
                LogPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(LogPath),
                CertificatePath = CertificatePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath),
                CertificatePassword = CertificatePassword == null ? null : new NetworkCredential(string.Empty, CertificatePassword).Password,
                AllowPlainHttp = AllowPlainHttp.IsPresent,
                Requester = Requester,
            };

            ProxyServer server = StartServer(request);
            WriteVerbose($"Gateway {server.Id} listens on {server.Endpoint}, forwards to {Upstream} and logs to {request.LogPath}.");
            WriteObject(server.Snapshot());
            if (Wait.IsPresent)
            {
                CancellationToken.WaitHandle.WaitOne();
                server.Stop(TimeSpan.FromSeconds(10));
                WriteVerbose($"Gateway {server.Id} stopped after {server.Snapshot().Requests} requests.");
            }
        }

        private ProxyServer StartServer(ProxyStartRequest request)
        {
            try
            {
                return ProxyServer.Start(request, Session);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromArgument(e, ErrorIds.InvalidArgument, Upstream));
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is UnauthorizedAccessException || e is System.Security.Cryptography.CryptographicException)
            {
                string message = $"The gateway could not start on {request.ListenAddress}:{request.Port}: {e.Message}";
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, e), ErrorIds.ProxyStartFailed, ErrorCategory.ResourceUnavailable, request.LogPath));
            }

            return null!;
        }
    }
}
