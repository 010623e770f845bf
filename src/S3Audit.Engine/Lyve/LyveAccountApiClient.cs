using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace S3Audit.Engine.Lyve
{
    /// <summary>Where and as whom to call the Lyve Cloud Account API v2.</summary>
    public sealed class LyveAccountApiOptions
    {
        /// <summary>The API base, https://api.lyvecloud.seagate.com/v2 by default.</summary>
        public Uri BaseUrl { get; set; } = new Uri("https://api.lyvecloud.seagate.com/v2/");
        /// <summary>The Lyve account id.</summary>
        public string AccountId { get; set; } = string.Empty;
        /// <summary>The Account API access key.</summary>
        public string AccessKey { get; set; } = string.Empty;
        /// <summary>The Account API secret (taken out of its SecureString by the caller; never printed).</summary>
        public string Secret { get; set; } = string.Empty;
        /// <summary>Per-request timeout.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
    }

    /// <summary>
    /// The Lyve Cloud Account API v2: POST /auth/token for a bearer token, then JSON GETs. A token the API calls
    /// expired (HTTP 400/401 after it worked) is renewed once. Errors ({code, message}) are thrown as
    /// AmazonServiceException with the API's code, so they classify like every other service error.
    /// </summary>
    public sealed class LyveAccountApiClient : IDisposable
    {
        private readonly LyveAccountApiOptions _options;
        private readonly HttpClient _http;
        private readonly SemaphoreSlim _authLock = new SemaphoreSlim(1, 1);
        private string? _token;

        /// <summary>Creates the client.</summary>
        public LyveAccountApiClient(LyveAccountApiOptions options) : this(options, new HttpClientHandler())
        {
        }

        internal LyveAccountApiClient(LyveAccountApiOptions options, HttpMessageHandler handler)
        {
            _options = options;
            string baseUrl = options.BaseUrl.ToString();
            _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl.EndsWith("/", StringComparison.Ordinal) ? baseUrl : baseUrl + "/"), Timeout = options.Timeout };
        }

        /// <summary>The API base.</summary>
        public Uri BaseUrl => _http.BaseAddress!;

        /// <summary>GETs a path relative to the base (e.g. "service-accounts") and returns the parsed JSON.</summary>
        public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
        {
            string token = await TokenAsync(null, cancellationToken).ConfigureAwait(false);
            (int status, string body) = await SendAsync(HttpMethod.Get, path, null, token, cancellationToken).ConfigureAwait(false);
            if (status == 400 || status == 401)
            {
                // The documented answer to an expired token is HTTP 400: renew once and retry.
                token = await TokenAsync(token, cancellationToken).ConfigureAwait(false);
                (status, body) = await SendAsync(HttpMethod.Get, path, null, token, cancellationToken).ConfigureAwait(false);
            }

            if (status < 200 || status >= 300)
            {
                throw Error("GET /" + path, status, body);
            }

            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }

        private async Task<string> TokenAsync(string? rejected, CancellationToken cancellationToken)
        {
            await _authLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_token != null && _token != rejected)
                {
                    return _token;
                }

                string body = JsonSerializer.Serialize(new { accountId = _options.AccountId, accessKey = _options.AccessKey, secret = _options.Secret });
                (int status, string answer) = await SendAsync(HttpMethod.Post, "auth/token", body, null, cancellationToken).ConfigureAwait(false);
                if (status < 200 || status >= 300)
                {
                    throw Error("POST /auth/token", status, answer);
                }

                using JsonDocument document = JsonDocument.Parse(answer);
                _token = document.RootElement.TryGetProperty("token", out JsonElement t) ? t.GetString() : null;
                if (string.IsNullOrEmpty(_token))
                {
                    throw Error("POST /auth/token", status, "{\"code\":\"InvalidToken\",\"message\":\"The answer held no token.\"}");
                }

                return _token!;
            }
            finally
            {
                _authLock.Release();
            }
        }

        private async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? json, string? token, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(method, path);
            if (json != null)
            {
                message.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            if (token != null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using HttpResponseMessage response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }

        // The documented answer to an expired token is HTTP 400.
        private static AmazonServiceException Error(string what, int status, string body) =>
            Http.JsonApiError.Create("Lyve Account API", what, status, body, codeFor400: "ExpiredToken");

        /// <inheritdoc />
        public void Dispose()
        {
            _http.Dispose();
            _authLock.Dispose();
        }
    }
}
