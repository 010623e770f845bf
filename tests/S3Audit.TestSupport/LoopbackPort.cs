using System.Net;
using System.Net.Sockets;

namespace S3Audit.TestSupport
{
    /// <summary>A free TCP port on 127.0.0.1 for the test servers and proxies.</summary>
    public static class LoopbackPort
    {
        public static int Free()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
