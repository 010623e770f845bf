using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Tasks;
using S3Audit.Engine.Proxy.Hosting;
using S3Audit.Engine.Proxy.Logging;
using S3Audit.Engine.Proxy.Signing;
using S3Audit.Engine.Proxy.Streaming;

namespace S3Audit.Engine.Proxy
{
    /// <summary>
    /// Handles one request: checks the client's signature, signs the request again for the upstream, streams the
    /// bodies both ways, and writes exactly one access-log line whatever happens (a refusal, an upstream that cannot
    /// be reached, a transfer cut short). Runs on Kestrel's threads; it never touches PowerShell.
    /// </summary>
    internal sealed class ProxyRequestHandler
    {
        private const int MaxErrorBody = 64 * 1024;
        private const int CopyBuffer = 128 * 1024;

        private static readonly HashSet<string> NotForwarded = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "host", "authorization", "connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
            "upgrade", "expect", "content-length", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256",
        };

        private static readonly HashSet<string> NotReturned = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "trailer",
        };

        private static readonly HashSet<string> PresignParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token",
        };

        private readonly ProxyRuntime _runtime;

        public ProxyRequestHandler(ProxyRuntime runtime) => _runtime = runtime;

        public async Task HandleAsync(ProxyExchange x)
        {
            long started = Stopwatch.GetTimestamp();
            var record = new ProxyLogRecord
            {
                Time = _runtime.Clock(),
                RemoteIp = x.RemoteIp,
                Method = x.Method,
                Target = x.RawTarget,
                Protocol = x.Protocol,
                Host = x.Header("host") ?? string.Empty,
                UserAgent = x.Header("user-agent") ?? string.Empty,
                Referer = x.Header("referer") ?? string.Empty,
                TlsVersion = x.Tls?.Version ?? string.Empty,
                CipherSuite = x.Tls?.CipherSuite ?? string.Empty,
            };
            var progress = new Progress();
            _runtime.Counters.Started();
            try
            {
                await ForwardAsync(x, record, progress).ConfigureAwait(false);
            }
            catch (Exception e) when (!x.ResponseStarted)
            {
                // Nothing the client can act on is known: say so the way S3 does, and keep the line.
                await RespondAsync(x, record, 500, "InternalError", "The gateway failed to handle the request: " + e.GetType().Name + ".").ConfigureAwait(false);
            }
            catch (Exception)
            {
                record.ErrorCode = record.ErrorCode.Length > 0 ? record.ErrorCode : "InternalError";
                x.Abort();
            }
            finally
            {
                record.TotalTimeMs = Milliseconds(started, Stopwatch.GetTimestamp());
                record.BytesSent = progress.BytesOut;
                _runtime.Log.Write(AccessLogLine.Format(record));
                _runtime.Counters.Finished(record.Status >= 400 || record.ErrorCode.Length > 0, progress.BytesIn, progress.BytesOut);
            }
        }

        private async Task ForwardAsync(ProxyExchange x, ProxyLogRecord record, Progress progress)
        {
            string target = x.RawTarget;
            int q = target.IndexOf('?');
            string rawPath = q < 0 ? target : target.Substring(0, q);
            List<KeyValuePair<string, string>> query = S3UriEncoding.ParseQuery(q < 0 ? string.Empty : target.Substring(q + 1));
            (record.Bucket, record.Key) = SplitPath(rawPath);
            record.Operation = S3RestOperation.For(x.Method, record.Bucket, record.Key, query, x.Header("x-amz-copy-source") != null);
            record.VersionId = ClientSignature.QueryValue(query, "versionId") ?? string.Empty;

            VerifiedSignature? verified;
            try
            {
                verified = Authenticate(x, rawPath, query, record);
            }
            catch (ProxyRequestException e)
            {
                await RespondAsync(x, record, e.Status, e.ErrorCode, e.Message).ConfigureAwait(false);
                return;
            }

            BodyFraming framing;
            try
            {
                framing = verified == null ? BodyFraming.Plain : BodyFramings.FromPayloadHash(verified.PayloadHash);
            }
            catch (ProxyRequestException e)
            {
                await RespondAsync(x, record, e.Status, e.ErrorCode, e.Message).ConfigureAwait(false);
                return;
            }

            using HttpRequestMessage message = await BuildUpstreamRequestAsync(x, rawPath, query, verified, framing, progress).ConfigureAwait(false);
            UpstreamContent? content = message.Content as UpstreamContent;
            long requestDone = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _runtime.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, x.Aborted).ConfigureAwait(false);
            }
            catch (Exception e) when (content?.ClientFault != null)
            {
                _ = e;
                progress.BytesIn = progress.Pump?.WireBytes ?? 0;
                ProxyRequestException fault = content.ClientFault!;
                await RespondAsync(x, record, fault.Status, fault.ErrorCode, fault.Message).ConfigureAwait(false);
                return;
            }
            catch (Exception) when (content?.ClientReadFault != null || x.Aborted.IsCancellationRequested)
            {
                // The client went away while sending: nobody to answer; the upstream saw an incomplete body.
                progress.BytesIn = progress.Pump?.WireBytes ?? 0;
                record.Status = 400;
                record.ErrorCode = "IncompleteBody";
                x.Abort();
                return;
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException || e is TaskCanceledException || e is OperationCanceledException)
            {
                progress.BytesIn = progress.Pump?.WireBytes ?? 0;
                bool unreachable = content == null || !content.Started ? IsUnreachable(e) : false;
                await RespondAsync(x, record, unreachable ? 503 : 502, unreachable ? "ServiceUnavailable" : "BadGateway",
                    unreachable ? "The gateway could not reach the upstream endpoint." : "The upstream endpoint closed the connection before it answered.").ConfigureAwait(false);
                return;
            }

            using (response)
            {
                progress.BytesIn = progress.Pump?.WireBytes ?? 0;
                if (content != null && content.CompletedAt > 0)
                {
                    requestDone = content.CompletedAt;
                }

                record.TurnAroundMs = Milliseconds(requestDone, Stopwatch.GetTimestamp());
                await ReturnResponseAsync(x, record, response, progress).ConfigureAwait(false);
            }
        }

        private VerifiedSignature? Authenticate(ProxyExchange x, string rawPath, List<KeyValuePair<string, string>> query, ProxyLogRecord record)
        {
            ClientSignature? signature = ClientSignature.Read(x.Header, query, out ProxyRequestException? error);
            if (error != null)
            {
                record.SignatureVersion = error.Message.Contains("Version 2") ? "SigV2" : string.Empty;
                throw error;
            }

            if (signature == null)
            {
                return null;
            }

            record.SignatureVersion = "SigV4";
            record.AuthType = signature.Kind == AuthKind.Query ? "QueryString" : "AuthHeader";
            record.Requester = _runtime.Verifier.Find(signature.AccessKeyId)?.Requester ?? signature.AccessKeyId;
            return _runtime.Verifier.Verify(signature, x.Method, rawPath, query, x.Header, _runtime.Clock());
        }

        private async Task<HttpRequestMessage> BuildUpstreamRequestAsync(ProxyExchange x, string rawPath, List<KeyValuePair<string, string>> query, VerifiedSignature? verified, BodyFraming framing, Progress progress)
        {
            string path = CanonicalRequest.CanonicalPath(rawPath);
            List<KeyValuePair<string, string>> forwardedQuery = query.Where(p => !PresignParameters.Contains(p.Key)).ToList();
            string queryText = S3UriEncoding.JoinQuery(forwardedQuery);
            var uri = new Uri(_runtime.UpstreamBase + path.TrimStart('/') + (queryText.Length > 0 ? "?" + queryText : string.Empty));
            var message = new HttpRequestMessage(new HttpMethod(x.Method), uri);

            var signed = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port };
            var contentHeaders = new List<(string Name, string Value)>();
            foreach ((string name, string value) in x.Headers)
            {
                if (NotForwarded.Contains(name))
                {
                    continue;
                }

                string lower = name.ToLowerInvariant();
                if (lower.StartsWith("x-amz-", StringComparison.Ordinal) || lower == "content-md5" || lower == "content-type")
                {
                    signed[lower] = CanonicalRequest.CanonicalHeaderValue(value);
                }

                if (lower.StartsWith("content-", StringComparison.Ordinal))
                {
                    contentHeaders.Add((name, value));
                }
                else
                {
                    message.Headers.TryAddWithoutValidation(name, value);
                }
            }

            if (string.Equals(x.Header("expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.ExpectContinue = true;
            }

            long? length = x.ContentLength;
            bool hasBody = (length ?? 0) > 0 || x.HasChunkedBody;
            UpstreamSignature? signature = null;
            string payloadHash = verified?.PayloadHash ?? x.Header("x-amz-content-sha256") ?? string.Empty;
            if (verified != null)
            {
                signature = await _runtime.Signer.SignAsync(x.Method, path, forwardedQuery, signed, payloadHash, _runtime.Clock()).ConfigureAwait(false);
                foreach (KeyValuePair<string, string> header in signed.Where(h => h.Key.StartsWith("x-amz-", StringComparison.Ordinal) && !message.Headers.Contains(h.Key)))
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
            }
            else if (payloadHash.Length > 0)
            {
                message.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
            }

            if (hasBody)
            {
                bool chunked = framing != BodyFraming.Plain;
                var pump = new RequestBodyPump(framing, chunked && framing != BodyFraming.UnsignedChunksWithTrailer ? verified!.ChunkChain() : null,
                    chunked && framing != BodyFraming.UnsignedChunksWithTrailer ? signature!.ChunkChain() : null, x.Header("x-amz-trailer"));
                progress.Pump = pump;
                message.Content = new UpstreamContent(x.RequestBody, pump, length, x.Aborted);
            }
            else if (length == 0 || x.Method == "PUT" || x.Method == "POST" || contentHeaders.Count > 0)
            {
                // Also for a bodiless request with a Content-Type: the header is signed, so it has to be sent.
                message.Content = new ByteArrayContent(Array.Empty<byte>());
            }

            if (message.Content != null)
            {
                foreach ((string name, string value) in contentHeaders)
                {
                    message.Content.Headers.Remove(name);
                    message.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return message;
        }

        private async Task ReturnResponseAsync(ProxyExchange x, ProxyLogRecord record, HttpResponseMessage response, Progress progress)
        {
            int status = (int)response.StatusCode;
            record.Status = status;
            record.RequestId = HeaderOf(response, "x-amz-request-id");
            record.HostId = HeaderOf(response, "x-amz-id-2");
            string versionId = HeaderOf(response, "x-amz-version-id");
            record.VersionId = versionId.Length > 0 ? versionId : record.VersionId;
            record.ObjectSize = ObjectSize(x.Method, status, response, progress.Pump);

            x.SetStatus(status);
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                if (!NotReturned.Contains(header.Key))
                {
                    x.SetHeader(header.Key, string.Join(",", header.Value));
                }
            }

            if (response.Content == null || x.Method == "HEAD")
            {
                return;
            }

            using Stream upstream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            if (status >= 300 && (response.Content.Headers.ContentLength ?? 0) <= MaxErrorBody)
            {
                byte[] body = new byte[MaxErrorBody];
                int length = 0, n;
                while (length < body.Length && (n = await upstream.ReadAsync(body, length, body.Length - length, x.Aborted).ConfigureAwait(false)) > 0)
                {
                    length += n;
                }

                record.ErrorCode = S3ErrorXml.CodeOf(body, length);
                await x.ResponseBody.WriteAsync(body, 0, length, x.Aborted).ConfigureAwait(false);
                progress.BytesOut += length;
                return;
            }

            await CopyResponseAsync(x, record, upstream, progress).ConfigureAwait(false);
        }

        /// <summary>
        /// Copies the upstream body to the client with two buffers, so the next read from the upstream runs while the
        /// last block is written to the client (a sequential copy leaves each side idle half the time).
        /// </summary>
        private static async Task CopyResponseAsync(ProxyExchange x, ProxyLogRecord record, Stream upstream, Progress progress)
        {
            byte[] current = new byte[CopyBuffer], next = new byte[CopyBuffer];
            Task<int> reading = upstream.ReadAsync(current, 0, current.Length, x.Aborted);
            while (true)
            {
                int n;
                try
                {
                    n = await reading.ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException || e is HttpRequestException || e is OperationCanceledException)
                {
                    // The status line is already with the client: the only honest signal left is a cut connection.
                    record.ErrorCode = x.Aborted.IsCancellationRequested ? "ClientAborted" : "UpstreamAborted";
                    x.Abort();
                    return;
                }

                if (n == 0)
                {
                    return;
                }

                reading = upstream.ReadAsync(next, 0, next.Length, x.Aborted);
                try
                {
                    await x.ResponseBody.WriteAsync(current, 0, n, x.Aborted).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException || e is OperationCanceledException || e is ObjectDisposedException)
                {
                    record.ErrorCode = "ClientAborted";
                    x.Abort();
                    _ = reading.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: the upstream read may fail now too
                    return;
                }

                progress.BytesOut += n;
                (current, next) = (next, current);
            }
        }

        /// <summary>Answers with an S3 XML error the gateway made itself (refusals, unreachable upstream).</summary>
        private static async Task RespondAsync(ProxyExchange x, ProxyLogRecord record, int status, string code, string message)
        {
            record.Status = status;
            record.ErrorCode = code;
            record.RequestId = record.RequestId.Length > 0 ? record.RequestId : NewRequestId();
            if (x.ResponseStarted)
            {
                x.Abort();
                return;
            }

            byte[] body = S3ErrorXml.Build(code, message, "/" + record.Bucket + (record.Key.Length > 0 ? "/" + record.Key : string.Empty), record.RequestId);
            x.SetStatus(status);
            x.SetHeader("Content-Type", "application/xml");
            x.SetHeader("x-amz-request-id", record.RequestId);
            if (x.Method == "HEAD")
            {
                return;
            }

            x.SetHeader("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
            try
            {
                await x.ResponseBody.WriteAsync(body, 0, body.Length, x.Aborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException || e is OperationCanceledException)
            {
                x.Abort();
            }
        }

        private static long ObjectSize(string method, int status, HttpResponseMessage response, RequestBodyPump? pump)
        {
            if (status >= 300)
            {
                return -1;
            }

            if (method == "PUT" || method == "POST")
            {
                return pump?.PayloadBytes ?? -1;
            }

            if (method != "GET" && method != "HEAD")
            {
                return -1;
            }

            string range = response.Content?.Headers.ContentRange?.Length?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            if (range.Length > 0)
            {
                return long.Parse(range, CultureInfo.InvariantCulture);
            }

            return response.Content?.Headers.ContentLength ?? -1;
        }

        private static (string Bucket, string Key) SplitPath(string rawPath)
        {
            string path = S3UriEncoding.Decode(rawPath).TrimStart('/');
            int slash = path.IndexOf('/');
            return slash < 0 ? (path, string.Empty) : (path.Substring(0, slash), path.Substring(slash + 1));
        }

        private static string HeaderOf(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) : string.Empty;

        private static bool IsUnreachable(Exception e)
        {
            for (Exception? inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    return socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound ||
                           socket.SocketErrorCode == SocketError.HostUnreachable || socket.SocketErrorCode == SocketError.NetworkUnreachable ||
                           socket.SocketErrorCode == SocketError.TimedOut || socket.SocketErrorCode == SocketError.TryAgain;
                }
            }

            return false;
        }

        private static long Milliseconds(long from, long to) => (long)((to - from) * 1000.0 / Stopwatch.Frequency);

        /// <summary>A request id for answers the gateway makes itself: 16 hex digits, as AWS's look.</summary>
        private static string NewRequestId()
        {
            byte[] bytes = new byte[8];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return BitConverter.ToString(bytes).Replace("-", string.Empty);
        }

        /// <summary>Bytes moved for one request.</summary>
        private sealed class Progress
        {
            public RequestBodyPump? Pump;
            public long BytesIn;
            public long BytesOut;
        }
    }
}
