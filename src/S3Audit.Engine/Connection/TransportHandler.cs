using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// The HTTP handler every S3Audit client sends through: on .NET (PowerShell 7) a SocketsHttpHandler with a connect
    /// timeout, so a host that never answers fails in seconds instead of after the whole request timeout; an expired
    /// connect timeout comes out as an <see cref="HttpRequestException"/> around a <see cref="ConnectTimeoutException"/>.
    /// On .NET Framework (Windows PowerShell) an HttpClientHandler, which has no connect timeout.
    /// </summary>
    internal static class TransportHandler
    {
        // SocketsHttpHandler is public API since .NET Core 2.1 but not part of netstandard2.0, so it is reached by name.
        private static readonly Type? SocketsHandler = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);

        /// <summary>A handler with the SDK's settings (no redirects unless asked, no decompression, its proxy) and the connect timeout.</summary>
        public static HttpMessageHandler Create(TimeSpan connectTimeout, bool allowAutoRedirect = false, IWebProxy? proxy = null, int? maxConnectionsPerServer = null)
        {
            if (SocketsHandler == null)
            {
                var fallback = new HttpClientHandler { AllowAutoRedirect = allowAutoRedirect, AutomaticDecompression = DecompressionMethods.None };
                if (proxy != null)
                {
                    fallback.Proxy = proxy;
                }

                if (maxConnectionsPerServer.HasValue)
                {
                    fallback.MaxConnectionsPerServer = maxConnectionsPerServer.Value;
                }

                return fallback;
            }

            var sockets = (HttpMessageHandler)Activator.CreateInstance(SocketsHandler)!;
            Set(sockets, "ConnectTimeout", connectTimeout);
            Set(sockets, "AllowAutoRedirect", allowAutoRedirect);
            Set(sockets, "AutomaticDecompression", DecompressionMethods.None);
            if (proxy != null)
            {
                Set(sockets, "Proxy", proxy);
            }

            if (maxConnectionsPerServer.HasValue)
            {
                Set(sockets, "MaxConnectionsPerServer", maxConnectionsPerServer.Value);
            }

            return new ConnectTimeoutHandler(sockets, connectTimeout);
        }

        private static void Set(object target, string property, object value) =>
            SocketsHandler!.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(target, value);

        /// <summary>Turns SocketsHttpHandler's expired connect timeout (a cancellation nobody asked for) into a connect failure.</summary>
        private sealed class ConnectTimeoutHandler : DelegatingHandler
        {
            private readonly TimeSpan _timeout;

            public ConnectTimeoutHandler(HttpMessageHandler inner, TimeSpan timeout) : base(inner) => _timeout = timeout;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                // The caller's token (the user's or HttpClient's own timeout) is not cancelled: only the connect timeout cancels inside.
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && e.InnerException is TimeoutException)
                {
                    var timeout = new ConnectTimeoutException(request.RequestUri!, _timeout, e);
                    throw new HttpRequestException(timeout.Message, timeout);
                }
            }
        }
    }
}
