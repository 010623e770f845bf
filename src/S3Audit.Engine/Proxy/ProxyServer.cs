using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Proxy.Hosting;
using S3Audit.Engine.Proxy.Logging;
using S3Audit.Engine.Proxy.Signing;

namespace S3Audit.Engine.Proxy
{
    /// <summary>
    /// A running logging S3 gateway (Start-S3AuditProxy).
    /// <para>
    /// Design note, the HTTP server. The gateway runs Kestrel 2.3 (Microsoft.AspNetCore.Server.Kestrel.Core with the
    /// sockets transport), hosted directly (no WebHost, no DI container), for these reasons:
    /// (1) It is a maintained, hardened HTTP/1.1 server: ASP.NET Core 2.3 is the line Microsoft services for .NET
    /// Framework, with monthly patches, so request parsing, limits, keep-alive, Expect: 100-continue and chunked
    /// transfer are not ours to get wrong. (2) It targets netstandard2.0 like the engine, so the gateway is part of
    /// the engine and could run on Windows PowerShell 5.1 as well as PowerShell 7; no .NET 8-only feature assembly is
    /// needed. Its dependencies (Microsoft.Extensions.* 8.0, Microsoft.AspNetCore.* 2.3) are not shipped by
    /// PowerShell 7.6, so the module's private load context serves them from Dependencies/; System.IO.Pipelines and
    /// the other runtime assemblies are shared with the runtime, as the load context does for every platform assembly.
    /// (3) It streams: request and response bodies are read and written through the handler in 128 KiB buffers,
    /// never held, with MaxRequestBodySize lifted; TLS is terminated in a connection adapter with the operator's PFX.
    /// The alternatives: System.Net.HttpListener needs http.sys URL ACLs (administrator) for any non-loopback address
    /// on Windows and binds certificates only machine-wide with netsh, so -CertificatePath cannot work there, and its
    /// managed Unix implementation is not developed further; Kestrel 3.0 and later ship only in the
    /// Microsoft.AspNetCore.App shared framework, which PowerShell does not load; a hand-written HTTP parser is what
    /// the issue rules out. bench/ measures the gateway against RGW direct (README, "Logging gateway").
    /// </para>
    /// <para>
    /// Threads: Kestrel's threads run the handler; they only update counters and queue log lines. Nothing here
    /// writes to PowerShell; Get-S3AuditProxy reads <see cref="Snapshot"/> from the pipeline thread.
    /// </para>
    /// </summary>
    public sealed class ProxyServer : IDisposable
    {
        private readonly KestrelServer _kestrel;
        private readonly ProxyRuntime _runtime;
        private readonly ApplicationLifetime _lifetime;
        private readonly string _accessKeyId;
        private int _stopped;

        private ProxyServer(KestrelServer kestrel, ProxyRuntime runtime, ApplicationLifetime lifetime, string endpoint, Uri upstream, string accessKeyId)
        {
            _kestrel = kestrel;
            _runtime = runtime;
            _lifetime = lifetime;
            Endpoint = endpoint;
            Upstream = upstream;
            _accessKeyId = accessKeyId;
            StartTime = DateTimeOffset.UtcNow;
        }

        /// <summary>The gateway's number in this process.</summary>
        public int Id { get; private set; }

        /// <summary>The URL clients use.</summary>
        public string Endpoint { get; }

        /// <summary>Where requests go.</summary>
        public Uri Upstream { get; }

        /// <summary>When it started.</summary>
        public DateTimeOffset StartTime { get; }

        /// <summary>When it stopped, or null.</summary>
        public DateTimeOffset? StopTime { get; private set; }

        /// <summary>
        /// Starts a gateway: checks the request (loopback or TLS unless plain HTTP is allowed), binds the port, and
        /// registers it. The served key is the session's own: clients sign with the same key and secret.
        /// </summary>
        public static ProxyServer Start(ProxyStartRequest request, S3Session session)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (session is null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            CheckRequest(request);
            ImmutableCredentials keys = session.Credentials.GetCredentials();
            X509Certificate2? certificate = string.IsNullOrEmpty(request.CertificatePath) ? null : LoadCertificate(request);
            var log = new AccessLogWriter(request.LogPath, request.RollInterval);
            var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            var runtime = new ProxyRuntime(request.Upstream.ToString(), new SignatureVerifier(new[] { new ProxyCredential(keys.AccessKey, keys.SecretKey, request.Requester) }),
                new UpstreamSigner(session.Credentials, session.Region), http, log);

            var options = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = new NullServices() };
            options.Limits.MaxRequestBodySize = null;
            options.Limits.MaxRequestLineSize = 16 * 1024;
            ListenOptions? bound = null;
            options.Listen(request.ListenAddress, request.Port, listen =>
            {
                bound = listen;
                if (certificate != null)
                {
                    listen.ConnectionAdapters.Add(new TlsConnectionAdapter(certificate));
                }
            });
            var lifetime = new ApplicationLifetime();
            var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), lifetime, NullLoggerFactory.Instance);
            var kestrel = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
            try
            {
                kestrel.StartAsync(new KestrelApplication(new ProxyRequestHandler(runtime)), CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                kestrel.Dispose();
                http.Dispose();
                log.Dispose();
                throw;
            }

            IPEndPoint endpoint = bound!.IPEndPoint;
            string host = endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
            var server = new ProxyServer(kestrel, runtime, lifetime, $"{(certificate != null ? "https" : "http")}://{host}:{endpoint.Port}", request.Upstream, keys.AccessKey);
            server.Id = ProxyRegistry.Add(server);
            return server;
        }

        /// <summary>The gateway's state and counters now.</summary>
        public S3AuditProxy Snapshot() => new S3AuditProxy
        {
            Id = Id,
            Endpoint = Endpoint,
            Upstream = Upstream.ToString().TrimEnd('/'),
            LogPath = _runtime.Log.LogPath,
            CurrentLogFile = _runtime.Log.CurrentFile ?? string.Empty,
            State = StopTime == null ? "Running" : "Stopped",
            Requests = _runtime.Counters.Requests,
            Errors = _runtime.Counters.Errors,
            ActiveRequests = _runtime.Counters.Active,
            BytesIn = _runtime.Counters.BytesIn,
            BytesOut = _runtime.Counters.BytesOut,
            LogLinesDropped = _runtime.Log.LinesDropped,
            LogError = _runtime.Log.Failure ?? string.Empty,
            AccessKeyId = _accessKeyId,
            StartTime = StartTime,
            StopTime = StopTime,
        };

        /// <summary>
        /// Stops listening, lets requests in flight finish for up to <paramref name="grace"/> (then cuts them; each
        /// still gets its log line), writes out the log and closes the file. Safe to call twice.
        /// </summary>
        public void Stop(TimeSpan grace)
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return;
            }

            using (var timeout = new CancellationTokenSource(grace))
            {
                try
                {
                    _kestrel.StopAsync(timeout.Token).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                }
            }

            _lifetime.StopApplication();
            _kestrel.Dispose();
            WaitForRequests(TimeSpan.FromSeconds(5));
            _runtime.Http.Dispose();
            _runtime.Log.Dispose();
            StopTime = DateTimeOffset.UtcNow;
            ProxyRegistry.Remove(this);
        }

        /// <inheritdoc />
        public void Dispose() => Stop(TimeSpan.FromSeconds(5));

        private void WaitForRequests(TimeSpan limit)
        {
            DateTime deadline = DateTime.UtcNow + limit;
            while (_runtime.Counters.Active > 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }

        private static void CheckRequest(ProxyStartRequest request)
        {
            if (request.Upstream.Scheme != "http" && request.Upstream.Scheme != "https")
            {
                throw new ArgumentException($"-Upstream '{request.Upstream}' is not an http or https URL.", nameof(request));
            }

            if (request.Port < 0 || request.Port > 65535)
            {
                throw new ArgumentException($"-Port {request.Port} is not between 0 and 65535.", nameof(request));
            }

            if (string.IsNullOrWhiteSpace(request.LogPath))
            {
                throw new ArgumentException("-LogPath is empty.", nameof(request));
            }

            if (!IPAddress.IsLoopback(request.ListenAddress) && string.IsNullOrEmpty(request.CertificatePath) && !request.AllowPlainHttp)
            {
                throw new ArgumentException(
                    $"Listening on {request.ListenAddress} without TLS would send every request, and the clients' signed headers, in clear text over the network. " +
                    "Give -CertificatePath (a PFX) for HTTPS, or -AllowPlainHttp when the network is trusted.", nameof(request));
            }
        }

        private static X509Certificate2 LoadCertificate(ProxyStartRequest request)
        {
            var certificate = new X509Certificate2(request.CertificatePath!, request.CertificatePassword, X509KeyStorageFlags.DefaultKeySet);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new ArgumentException($"-CertificatePath '{request.CertificatePath}' holds no private key; give a PFX with the certificate and its key.", nameof(request));
            }

            return certificate;
        }
    }
}
