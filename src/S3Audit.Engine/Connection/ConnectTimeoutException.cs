using System;

namespace S3Audit.Engine.Connection
{
    /// <summary>No TCP (and TLS) connection within the connect timeout: the host does not answer at all.</summary>
    internal sealed class ConnectTimeoutException : TimeoutException
    {
        public ConnectTimeoutException(Uri endpoint, TimeSpan timeout, Exception inner)
            : base($"no connection to {endpoint.Host}:{endpoint.Port} within {timeout.TotalSeconds:0.#} s: the host does not answer, or a firewall drops the packets", inner)
        {
        }
    }
}
