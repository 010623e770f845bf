using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace S3Audit.TestSupport
{
    /// <summary>A recorded response: status, body and headers.</summary>
    public sealed class RecordedResponse
    {
        public RecordedResponse(int status, string body, string contentType = "application/xml", IDictionary<string, string>? headers = null)
        {
            Status = status;
            Body = body;
            ContentType = contentType;
            Headers = headers ?? new Dictionary<string, string>();
        }

        public int Status { get; }
        public string Body { get; }
        public string ContentType { get; }
        public IDictionary<string, string> Headers { get; }
    }

    /// <summary>What the server received.</summary>
    public sealed record ReceivedRequest(string Method, string PathAndQuery, string Body, IReadOnlyDictionary<string, string> Headers);

    /// <summary>
    /// Serves recorded AWS (or Lyve/Exoscale) responses on 127.0.0.1 for what the test server lacks. Routes match
    /// a method and a predicate over path+query (and body, for Query APIs such as IAM and STS); the first match wins.
    /// </summary>
    public sealed class RecordedHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly List<(string Method, Func<string, string, bool> Match, Func<ReceivedRequest, RecordedResponse> Respond)> _routes = new();
        private readonly ConcurrentQueue<ReceivedRequest> _received = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public RecordedHttpServer()
        {
            Port = LoopbackPort.Free();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public int Port { get; }
        public string Url => $"http://127.0.0.1:{Port}";
        public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

        /// <summary>Adds a route: <paramref name="match"/> gets path+query and the request body.</summary>
        public RecordedHttpServer On(string method, Func<string, string, bool> match, Func<ReceivedRequest, RecordedResponse> respond)
        {
            lock (_routes)
            {
                _routes.Add((method, match, respond));
            }

            return this;
        }

        public RecordedHttpServer On(string method, Func<string, string, bool> match, RecordedResponse response) => On(method, match, _ => response);

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => Handle(context));
            }
        }

        private void Handle(HttpListenerContext context)
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = reader.ReadToEnd();
            }

            string pathAndQuery = context.Request.Url!.PathAndQuery;
            var headers = context.Request.Headers.AllKeys.Where(k => k != null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var request = new ReceivedRequest(context.Request.HttpMethod, pathAndQuery, body, headers);
            _received.Enqueue(request);

            RecordedResponse response;
            lock (_routes)
            {
                var route = _routes.FirstOrDefault(r => string.Equals(r.Method, request.Method, StringComparison.OrdinalIgnoreCase) && r.Match(pathAndQuery, body));
                response = route.Respond != null
                    ? route.Respond(request)
                    : new RecordedResponse(501, $"<Error><Code>NotImplemented</Code><Message>No recorded response for {request.Method} {pathAndQuery}</Message></Error>");
            }

            byte[] bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.Headers["x-amz-request-id"] = "RECORDED";
            foreach (var header in response.Headers)
            {
                context.Response.Headers[header.Key] = header.Value;
            }

            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes, 0, bytes.Length);
            context.Response.Close();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
            }
        }
    }
}
