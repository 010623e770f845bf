using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace S3Audit.Engine.Proxy.Hosting
{
    /// <summary>The gateway as Kestrel's application: each request becomes a <see cref="ProxyExchange"/> for the handler.</summary>
    internal sealed class KestrelApplication : IHttpApplication<ProxyExchange>
    {
        private readonly ProxyRequestHandler _handler;

        public KestrelApplication(ProxyRequestHandler handler) => _handler = handler;

        public ProxyExchange CreateContext(IFeatureCollection contextFeatures) => new ProxyExchange(contextFeatures);

        public Task ProcessRequestAsync(ProxyExchange context) => _handler.HandleAsync(context);

        public void DisposeContext(ProxyExchange context, Exception exception)
        {
        }
    }
}
