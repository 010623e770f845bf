using System;
using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Server.Kestrel.Core.Adapter.Internal;

namespace S3Audit.Engine.Proxy.Hosting
{
    /// <summary>
    /// Terminates TLS on the listening side with the operator's certificate and records the negotiated protocol and
    /// cipher suite for the log. Kestrel 2.3's own HTTPS adapter does not expose them (ITlsHandshakeFeature came with
    /// ASP.NET Core 3.0), so the gateway does the handshake in a connection adapter, Kestrel 2.x's extension point.
    /// </summary>
    internal sealed class TlsConnectionAdapter : IConnectionAdapter
    {
        private readonly X509Certificate2 _certificate;

        public TlsConnectionAdapter(X509Certificate2 certificate) => _certificate = certificate;

        public bool IsHttps => true;

        public async Task<IAdaptedConnection> OnConnectionAsync(ConnectionAdapterContext context)
        {
            var ssl = new SslStream(context.ConnectionStream, leaveInnerStreamOpen: false);
            try
            {
                await ssl.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, SslProtocols.Tls12 | (SslProtocols)12288 /* Tls13 */, checkCertificateRevocation: false).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException || e is AuthenticationException)
            {
                ssl.Dispose();
                return new Adapted(Stream.Null);
            }

            context.Features.Set(new TlsDetails(ProtocolName(ssl.SslProtocol), CipherSuiteName(ssl)));
            return new Adapted(ssl);
        }

        private static string ProtocolName(SslProtocols protocol) => (int)protocol switch
        {
            12288 => "TLSv1.3",
            (int)SslProtocols.Tls12 => "TLSv1.2",
            _ => protocol.ToString(),
        };

        // SslStream.NegotiatedCipherSuite exists on .NET Core 3.0 and later only.
        private static string CipherSuiteName(SslStream ssl) =>
            ssl.GetType().GetProperty("NegotiatedCipherSuite")?.GetValue(ssl)?.ToString() ?? string.Empty;

        private sealed class Adapted : IAdaptedConnection
        {
            public Adapted(Stream stream) => ConnectionStream = stream;

            public Stream ConnectionStream { get; }

            public void Dispose() => ConnectionStream.Dispose();
        }
    }
}
