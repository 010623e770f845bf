using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace S3Audit.TestSupport
{
    /// <summary>What the proxy does to one request.</summary>
    public enum ProxyFault
    {
        /// <summary>Forward unchanged.</summary>
        None,
        /// <summary>Answer 503 SlowDown without forwarding.</summary>
        SlowDown,
        /// <summary>Close the connection without an answer.</summary>
        DropBeforeResponse,
        /// <summary>Forward, send the headers and half the body, then close the connection.</summary>
        DropMidBody,
        /// <summary>Forward, send the headers and half the body, then send nothing more for a minute.</summary>
        StallMidBody,
    }

    /// <summary>
    /// A small HTTP proxy on 127.0.0.1 in front of the test RGW: forwards every request (Host header kept, so SigV4
    /// signatures stay valid), counts requests, and injects faults chosen per request by a callback that sees the
    /// method, the path and query, and how many times this exact request line was seen before.
    /// </summary>
    public sealed class FaultInjectingProxy : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly HttpClient _upstream = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        private readonly Uri _target;
        private readonly Func<string, string, int, ProxyFault> _faults;
        private readonly ConcurrentDictionary<string, int> _seen = new ConcurrentDictionary<string, int>();
        private readonly ConcurrentQueue<string> _requests = new ConcurrentQueue<string>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        public FaultInjectingProxy(string targetEndpoint, Func<string, string, int, ProxyFault>? faults = null)
        {
            _target = new Uri(targetEndpoint);
            _faults = faults ?? ((_, _, _) => ProxyFault.None);
            int port = LoopbackPort.Free();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(AcceptLoop);
        }

        /// <summary>The proxy's URL, to use as the S3 endpoint.</summary>
        public string Endpoint { get; }

        /// <summary>Every request as "METHOD path?query", in arrival order.</summary>
        public string[] Requests => _requests.ToArray();

        /// <summary>Faults injected so far.</summary>
        public int FaultsInjected;

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
                {
                    return;
                }

                _ = Task.Run(() => Handle(context));
            }
        }

        private async Task Handle(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            string pathAndQuery = request.RawUrl ?? "/";
            string line = request.HttpMethod + " " + pathAndQuery;
            _requests.Enqueue(line);
            int seen = _seen.AddOrUpdate(line, 0, (_, n) => n + 1);
            ProxyFault fault = _faults(request.HttpMethod, pathAndQuery, seen);
            try
            {
                if (fault == ProxyFault.SlowDown)
                {
                    Interlocked.Increment(ref FaultsInjected);
                    byte[] body = System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
                    context.Response.StatusCode = 503;
                    context.Response.ContentType = "application/xml";
                    context.Response.ContentLength64 = body.Length;
                    await context.Response.OutputStream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
                    context.Response.Close();
                    return;
                }

                if (fault == ProxyFault.DropBeforeResponse)
                {
                    Interlocked.Increment(ref FaultsInjected);
                    context.Response.Abort();
                    return;
                }

                using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(_target, pathAndQuery));
                byte[] requestBody = await ReadAll(request).ConfigureAwait(false);
                if (requestBody.Length > 0 || request.HttpMethod == "PUT" || request.HttpMethod == "POST")
                {
                    forward.Content = new ByteArrayContent(requestBody);
                }

                foreach (string name in request.Headers.AllKeys.Where(n => n != null)!)
                {
                    string value = request.Headers[name]!;
                    if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
                    {
                        forward.Headers.Host = value;
                    }
                    else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                    {
                        forward.Content ??= new ByteArrayContent(requestBody);
                        forward.Content.Headers.TryAddWithoutValidation(name, value);
                    }
                    else if (!name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && !name.Equals("Expect", StringComparison.OrdinalIgnoreCase) &&
                             !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                    {
                        forward.Headers.TryAddWithoutValidation(name, value);
                    }
                }

                using HttpResponseMessage response = await _upstream.SendAsync(forward, _stop.Token).ConfigureAwait(false);
                byte[] responseBody = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var header in response.Headers.Concat(response.Content.Headers))
                {
                    if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ||
                        header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    context.Response.Headers[header.Key] = string.Join(",", header.Value);
                }

                if (request.HttpMethod == "HEAD")
                {
                    context.Response.Close();
                    return;
                }

                context.Response.ContentLength64 = responseBody.Length;
                if (fault == ProxyFault.StallMidBody && responseBody.Length > 1)
                {
                    Interlocked.Increment(ref FaultsInjected);
                    await context.Response.OutputStream.WriteAsync(responseBody, 0, responseBody.Length / 2).ConfigureAwait(false);
                    await context.Response.OutputStream.FlushAsync().ConfigureAwait(false);
                    try
                    {
                        await Task.Delay(TimeSpan.FromMinutes(1), _stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    context.Response.Abort();
                    return;
                }

                if (fault == ProxyFault.DropMidBody && responseBody.Length > 1)
                {
                    Interlocked.Increment(ref FaultsInjected);
                    await context.Response.OutputStream.WriteAsync(responseBody, 0, responseBody.Length / 2).ConfigureAwait(false);
                    await context.Response.OutputStream.FlushAsync().ConfigureAwait(false);
                    context.Response.Abort();
                    return;
                }

                await context.Response.OutputStream.WriteAsync(responseBody, 0, responseBody.Length).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception)
            {
                try
                {
                    context.Response.Abort();
                }
                catch (Exception)
                {
                    // already gone
                }
            }
        }

        private static async Task<byte[]> ReadAll(HttpListenerRequest request)
        {
            if (!request.HasEntityBody)
            {
                return Array.Empty<byte>();
            }

            using var ms = new System.IO.MemoryStream();
            await request.InputStream.CopyToAsync(ms).ConfigureAwait(false);
            return ms.ToArray();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            _upstream.Dispose();
        }
    }
}
