using System;
using System.Net.Http;
using Amazon.Runtime;

namespace S3Audit.Engine.Connection
{
    /// <summary>Gives the SDK the HttpClients of <see cref="TransportHandler"/> (the SDK still caches them per client).</summary>
    internal sealed class S3HttpClientFactory : HttpClientFactory
    {
        private readonly TimeSpan _connectTimeout;

        public S3HttpClientFactory(TimeSpan connectTimeout) => _connectTimeout = connectTimeout;

        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            var proxy = clientConfig.GetWebProxy();
            if (proxy != null && clientConfig.ProxyCredentials != null)
            {
                proxy.Credentials = clientConfig.ProxyCredentials;
            }

            var client = new HttpClient(TransportHandler.Create(_connectTimeout, clientConfig.AllowAutoRedirect, proxy, clientConfig.MaxConnectionsPerServer));
            if (clientConfig.Timeout.HasValue)
            {
                client.Timeout = clientConfig.Timeout.Value;
            }

            return client;
        }
    }
}
