using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace S3Audit.TestSupport
{
    /// <summary>
    /// A byte-for-byte TCP relay on 127.0.0.1 in front of a server, standing in for an upstream that dies:
    /// <see cref="Kill"/> stops listening and resets every open connection, in whatever state its transfer is.
    /// Counts the bytes relayed each way so a test can kill it mid-transfer.
    /// </summary>
    public sealed class KillableTcpRelay : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly IPEndPoint _target;
        private readonly ConcurrentBag<TcpClient> _connections = new ConcurrentBag<TcpClient>();
        private long _toServer;
        private long _toClient;
        private volatile bool _killed;

        public KillableTcpRelay(string targetEndpoint)
        {
            var uri = new Uri(targetEndpoint);
            _target = new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port);
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            _ = Task.Run(AcceptLoop);
        }

        /// <summary>The relay's URL, to use as the upstream.</summary>
        public string Endpoint { get; }

        /// <summary>Bytes relayed from clients to the server.</summary>
        public long BytesToServer => Interlocked.Read(ref _toServer);

        /// <summary>Bytes relayed from the server to clients.</summary>
        public long BytesToClient => Interlocked.Read(ref _toClient);

        /// <summary>Stops listening and resets every connection.</summary>
        public void Kill()
        {
            _killed = true;
            _listener.Stop();
            foreach (TcpClient connection in _connections)
            {
                Socket? socket = connection.Client;
                if (socket == null)
                {
                    continue; // already closed
                }

                try
                {
                    socket.LingerState = new LingerOption(true, 0); // RST, like a crashed server
                    connection.Close();
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException)
                {
                }
            }
        }

        private async Task AcceptLoop()
        {
            while (!_killed)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_killed)
                {
                    return;
                }

                _ = Task.Run(() => Relay(client));
            }
        }

        private async Task Relay(TcpClient client)
        {
            var server = new TcpClient();
            _connections.Add(client);
            _connections.Add(server);
            try
            {
                await server.ConnectAsync(_target.Address, _target.Port).ConfigureAwait(false);
                Task up = Pump(client.GetStream(), server.GetStream(), toServer: true);
                Task down = Pump(server.GetStream(), client.GetStream(), toServer: false);
                await Task.WhenAny(up, down).ConfigureAwait(false);
            }
            catch (Exception) when (_killed)
            {
            }
            catch (SocketException)
            {
            }
            finally
            {
                client.Dispose();
                server.Dispose();
            }
        }

        private async Task Pump(NetworkStream from, NetworkStream to, bool toServer)
        {
            byte[] buffer = new byte[16 * 1024];
            try
            {
                int n;
                while (!_killed && (n = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    await to.WriteAsync(buffer.AsMemory(0, n)).ConfigureAwait(false);
                    Interlocked.Add(ref toServer ? ref _toServer : ref _toClient, n);
                }
            }
            catch (Exception e) when (e is System.IO.IOException || e is ObjectDisposedException || e is SocketException)
            {
            }
        }

        public void Dispose() => Kill();
    }
}
