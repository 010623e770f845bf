using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Http.Features;

namespace S3Audit.Engine.Proxy.Hosting
{
    /// <summary>One request and its response, over Kestrel's feature interfaces: what the request handler reads and writes.</summary>
    internal sealed class ProxyExchange
    {
        private readonly IHttpRequestFeature _request;
        private readonly IHttpResponseFeature _response;
        private readonly IHttpRequestLifetimeFeature? _lifetime;

        public ProxyExchange(IFeatureCollection features)
        {
            _request = features.Get<IHttpRequestFeature>();
            _response = features.Get<IHttpResponseFeature>();
            _lifetime = features.Get<IHttpRequestLifetimeFeature>();
            IHttpMaxRequestBodySizeFeature? limit = features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit != null && !limit.IsReadOnly)
            {
                limit.MaxRequestBodySize = null; // objects of any size stream through
            }

            RemoteIp = features.Get<IHttpConnectionFeature>()?.RemoteIpAddress?.ToString() ?? string.Empty;
            if (RemoteIp.StartsWith("::ffff:", StringComparison.Ordinal))
            {
                RemoteIp = RemoteIp.Substring(7);
            }

            Tls = features.Get<TlsDetails>();
        }

        public string Method => _request.Method;

        /// <summary>The request target as it came on the wire (path and query).</summary>
        public string RawTarget => string.IsNullOrEmpty(_request.RawTarget) ? _request.Path + _request.QueryString : _request.RawTarget;

        public string Protocol => _request.Protocol;

        public string RemoteIp { get; }

        public TlsDetails? Tls { get; }

        public Stream RequestBody => _request.Body;

        public CancellationToken Aborted => _lifetime?.RequestAborted ?? CancellationToken.None;

        public bool ResponseStarted => _response.HasStarted;

        public Stream ResponseBody => _response.Body;

        /// <summary>A request header's value, several values joined with ","; null when absent.</summary>
        public string? Header(string name) =>
            _request.Headers.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues values) && values.Count > 0 ? string.Join(",", values.ToArray()) : null;

        /// <summary>Every request header (name, joined value).</summary>
        public System.Collections.Generic.IEnumerable<(string Name, string Value)> Headers =>
            _request.Headers.Select(h => (h.Key, string.Join(",", h.Value.ToArray())));

        /// <summary>The client's declared body length; null for a chunked transfer.</summary>
        public long? ContentLength =>
            long.TryParse(Header("content-length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long length) ? length : (long?)null;

        public bool HasChunkedBody => (Header("transfer-encoding") ?? string.Empty).IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0;

        public void SetStatus(int status) => _response.StatusCode = status;

        public void SetHeader(string name, string value) => _response.Headers[name] = value;

        /// <summary>Ends the connection at once (a response that cannot be completed must not look complete).</summary>
        public void Abort() => _lifetime?.Abort();
    }
}
