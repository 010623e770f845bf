using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Proxy
{
    /// <summary>The gateways running in this process, so Get-/Stop-S3AuditProxy find what Start-S3AuditProxy started.</summary>
    public static class ProxyRegistry
    {
        private static readonly object Gate = new object();
        private static readonly List<ProxyServer> Servers = new List<ProxyServer>();
        private static int s_lastId;

        /// <summary>Every gateway started and not yet stopped, in start order.</summary>
        public static IReadOnlyList<ProxyServer> Running
        {
            get
            {
                lock (Gate)
                {
                    return Servers.ToList();
                }
            }
        }

        internal static int Add(ProxyServer server)
        {
            lock (Gate)
            {
                if (s_lastId == 0)
                {
                    // A session that ends without Stop-S3AuditProxy still writes out every queued line and closes the files.
                    System.AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll(System.TimeSpan.FromSeconds(2));
                }

                Servers.Add(server);
                return ++s_lastId;
            }
        }

        private static void StopAll(System.TimeSpan grace)
        {
            foreach (ProxyServer server in Running)
            {
                server.Stop(grace);
            }
        }

        internal static void Remove(ProxyServer server)
        {
            lock (Gate)
            {
                Servers.Remove(server);
            }
        }
    }
}
