using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;
using Amazon.S3;

namespace S3Audit.Engine.Http
{
    /// <summary>
    /// Sends SigV4-signed requests, signed by AWSSDK.Core's <see cref="AWS4Signer"/>, with the SDK's standard
    /// retry behaviour for throttling and 5xx (3 attempts, jittered exponential backoff). Failures are thrown as
    /// <see cref="AmazonServiceException"/> carrying the service's error code, so <c>S3ErrorClassifier</c> maps
    /// them like any SDK error. Nothing secret is ever put in a message.
    /// </summary>
    public sealed class SignedRequestClient : IDisposable
    {
        private static readonly HashSet<string> RetryableCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout",
        };

        private readonly AWSCredentials _credentials;
        private readonly string _region;
        private readonly HttpClient _http;
        private readonly int _maxAttempts;
        private readonly Func<int, TimeSpan> _backoff;
        private readonly Connection.EndpointGuard? _guard;

        /// <summary>Creates a client that signs for <paramref name="region"/>.</summary>
        public SignedRequestClient(AWSCredentials credentials, string region, int maxAttempts = 3, TimeSpan? timeout = null, TimeSpan? connectTimeout = null)
            : this(credentials, region, Connection.TransportHandler.Create(connectTimeout ?? TimeSpan.FromSeconds(10), allowAutoRedirect: true), maxAttempts, timeout, null)
        {
        }

        /// <summary>A client of a session: its <paramref name="guard"/> ends the session once, as for the session's S3 calls.</summary>
        internal SignedRequestClient(AWSCredentials credentials, string region, int maxAttempts, TimeSpan timeout, TimeSpan connectTimeout, Connection.EndpointGuard guard)
            : this(credentials, region, Connection.TransportHandler.Create(connectTimeout, allowAutoRedirect: true), maxAttempts, timeout, null) => _guard = guard;

        internal SignedRequestClient(AWSCredentials credentials, string region, HttpMessageHandler handler, int maxAttempts, TimeSpan? timeout, Func<int, TimeSpan>? backoff)
        {
            _credentials = credentials;
            _region = region;
            _http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
            _maxAttempts = Math.Max(1, maxAttempts);
            _backoff = backoff ?? DefaultBackoff;
        }

        /// <summary>Sends the request; a 2xx response is returned, anything else (after retries) is thrown.</summary>
        public async Task<SignedResponse> SendAsync(SignedRequest request, CancellationToken cancellationToken)
        {
            for (int attempt = 1; ; attempt++)
            {
                _guard?.ThrowIfEnded();
                SignedResponse response;
                try
                {
                    response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is HttpRequestException || _guard != null))
                {
                    Errors.AuditException? ended = _guard?.Judge(e, request.Endpoint, bucketRequest: false, afterRetries: attempt >= _maxAttempts);
                    if (ended != null)
                    {
                        throw ended;
                    }

                    if (!(e is HttpRequestException) || attempt >= _maxAttempts)
                    {
                        throw;
                    }

                    await Task.Delay(_backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _guard?.Answered();
                if (response.StatusCode >= 200 && response.StatusCode < 300)
                {
                    return response;
                }

                AmazonServiceException error = ToException(request, response);
                if (_guard?.Judge(error, request.Endpoint, bucketRequest: false, afterRetries: true) is Errors.AuditException rejected)
                {
                    throw rejected;
                }

                bool retryable = response.StatusCode >= 500 || response.StatusCode == 429 || RetryableCodes.Contains(error.ErrorCode ?? string.Empty);
                if (!retryable || attempt >= _maxAttempts)
                {
                    throw error;
                }

                await Task.Delay(_backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<SignedResponse> SendOnceAsync(SignedRequest request, CancellationToken cancellationToken)
        {
            ImmutableCredentials keys = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
            byte[] body = request.Form.Count > 0 ? Encoding.UTF8.GetBytes(FormEncode(request.Form)) : request.Body ?? Array.Empty<byte>();
            string? contentType = request.Form.Count > 0 ? "application/x-www-form-urlencoded; charset=utf-8" : request.ContentType;

            var sdkRequest = new DefaultRequest(new RawServiceRequest(), request.Service)
            {
                HttpMethod = request.Method,
                Endpoint = request.Endpoint,
                ResourcePath = request.Path,
                Content = body,
                AuthenticationRegion = _region,
                OverrideSigningServiceName = request.Service,
            };
            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                sdkRequest.Headers[header.Key] = header.Value;
            }

            if (contentType != null)
            {
                sdkRequest.Headers["Content-Type"] = contentType;
            }

            if (keys.UseToken)
            {
                sdkRequest.Headers["X-Amz-Security-Token"] = keys.Token;
            }

            var config = new AmazonS3Config { AuthenticationRegion = _region, AuthenticationServiceName = request.Service, ServiceURL = request.Endpoint.GetLeftPart(UriPartial.Authority) };
            AWS4SigningResult signature = new AWS4Signer().SignRequest(sdkRequest, config, new RequestMetrics(), keys.AccessKey, keys.SecretKey);
            sdkRequest.Headers["Authorization"] = signature.ForAuthorizationHeader;

            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Endpoint, request.Path));
            if (body.Length > 0 || request.Method == "POST" || request.Method == "PUT")
            {
                message.Content = new ByteArrayContent(body);
            }

            foreach (KeyValuePair<string, string> header in sdkRequest.Headers)
            {
                if (string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (IsContentHeader(header.Key))
                {
                    message.Content ??= new ByteArrayContent(body);
                    message.Content.Headers.Remove(header.Key);
                    message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                else
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            using HttpResponseMessage response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            string text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(",", g.First().Value), StringComparer.OrdinalIgnoreCase);
            return new SignedResponse((int)response.StatusCode, text, headers);
        }

        /// <summary>The service's error code, message and request id from an XML or JSON error body.</summary>
        internal static AmazonServiceException ToException(SignedRequest request, SignedResponse response)
        {
            string code = string.Empty, message = string.Empty, requestId = string.Empty;
            try
            {
                XElement root = XElement.Parse(response.Body);
                XElement? error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? string.Empty;
                message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? string.Empty;
                requestId = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? string.Empty;
            }
            catch (System.Xml.XmlException)
            {
                message = ServiceErrors.Unparsed(response.Body);
            }

            if (string.IsNullOrEmpty(code))
            {
                code = response.StatusCode switch { 403 => "AccessDenied", 404 => "NotFound", 405 => "MethodNotAllowed", 429 => "Throttling", _ => "HttpStatus" + response.StatusCode };
            }

            string what = string.IsNullOrEmpty(request.Description) ? $"{request.Method} {request.Path}" : request.Description;
            return ServiceErrors.Create(what, response.StatusCode, code, message, requestId);
        }

        /// <summary>application/x-www-form-urlencoded with RFC 3986 escaping (what SigV4 expects).</summary>
        internal static string FormEncode(IDictionary<string, string> form) =>
            string.Join("&", form.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value ?? string.Empty)));

        private static bool IsContentHeader(string name) =>
            name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);

        private static TimeSpan DefaultBackoff(int attempt)
        {
            double ceiling = Math.Min(20_000, 100 * Math.Pow(2, attempt));
            return TimeSpan.FromMilliseconds(new Random().NextDouble() * ceiling);
        }

        /// <inheritdoc />
        public void Dispose() => _http.Dispose();

        private sealed class RawServiceRequest : AmazonWebServiceRequest
        {
        }
    }
}
