using System;
using System.Net.Http;
using S3Audit.Engine.Proxy.Logging;
using S3Audit.Engine.Proxy.Signing;

namespace S3Audit.Engine.Proxy
{
    /// <summary>What every request of one running gateway shares.</summary>
    internal sealed class ProxyRuntime
    {
        public ProxyRuntime(string upstreamBase, SignatureVerifier verifier, UpstreamSigner signer, HttpClient http, AccessLogWriter log, Func<DateTimeOffset>? clock = null)
        {
            UpstreamBase = upstreamBase.EndsWith("/", StringComparison.Ordinal) ? upstreamBase : upstreamBase + "/";
            Verifier = verifier;
            Signer = signer;
            Http = http;
            Log = log;
            Clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>Scheme, host, port and base path of the upstream, ending in "/".</summary>
        public string UpstreamBase { get; }
        public SignatureVerifier Verifier { get; }
        public UpstreamSigner Signer { get; }
        public HttpClient Http { get; }
        public AccessLogWriter Log { get; }
        public ProxyCounters Counters { get; } = new ProxyCounters();
        public Func<DateTimeOffset> Clock { get; }
    }
}
