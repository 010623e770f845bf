using System;
using System.Net.Sockets;
using System.Security.Authentication;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// Recognises "cannot connect at all": the request got no HTTP answer because the host name did not resolve,
    /// the port refused the connection, the TLS handshake failed or the connection was not set up in time. These
    /// are told apart by exception type (never by message text), and described with the real cause.
    /// </summary>
    internal static class ConnectFailure
    {
        /// <summary>The cause in words, or null when <paramref name="exception"/> is not a failure to connect.</summary>
        /// <param name="exception">What one attempt threw.</param>
        /// <param name="endpoint">The endpoint the request went to (host and port are named in the cause).</param>
        public static string? Describe(Exception exception, Uri endpoint)
        {
            string hostPort = $"{endpoint.Host}:{endpoint.Port}";
            for (Exception? e = exception; e != null; e = Inner(e))
            {
                switch (e)
                {
                    case SocketException socket:
                        string? cause = DescribeSocket(socket, endpoint.Host, hostPort);
                        if (cause != null)
                        {
                            return cause;
                        }

                        break;
                    case AuthenticationException tls:
                        return endpoint.Scheme == Uri.UriSchemeHttps
                            ? $"the TLS handshake with {hostPort} failed ({tls.Message}); if the endpoint serves plain HTTP on this port, use http://{hostPort}"
                            : $"the TLS handshake with {hostPort} failed ({tls.Message})";
                    case ConnectTimeoutException timeout:
                        return timeout.Message;
                }
            }

            return null;
        }

        private static string? DescribeSocket(SocketException socket, string host, string hostPort)
        {
            switch (socket.SocketErrorCode)
            {
                case SocketError.HostNotFound:
                case SocketError.TryAgain:
                case SocketError.NoData:
                case SocketError.NoRecovery:
                    return $"the host name '{host}' could not be resolved (DNS: {socket.Message})";
                case SocketError.ConnectionRefused:
                    return $"{hostPort} refused the connection: nothing listens on that port, or a firewall rejects it";
                case SocketError.TimedOut:
                    return $"{hostPort} did not accept the connection ({socket.Message})";
                case SocketError.HostUnreachable:
                case SocketError.HostDown:
                case SocketError.NetworkUnreachable:
                case SocketError.NetworkDown:
                case SocketError.AddressNotAvailable:
                    return $"{hostPort} cannot be reached from here ({socket.Message})";
                default:
                    return null;
            }
        }

        private static Exception? Inner(Exception e) =>
            e is AggregateException aggregate && aggregate.InnerExceptions.Count > 0 ? aggregate.InnerExceptions[0] : e.InnerException;
    }
}
