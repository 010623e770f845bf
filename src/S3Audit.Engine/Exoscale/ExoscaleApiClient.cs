using System;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace S3Audit.Engine.Exoscale
{
    /// <summary>Where and as whom to call Exoscale's API v2.</summary>
    public sealed class ExoscaleApiOptions
    {
        /// <summary>The API base, https://api-{zone}.exoscale.com/v2/.</summary>
        public Uri BaseUrl { get; set; } = new Uri("https://api-ch-gva-2.exoscale.com/v2/");
        /// <summary>The API key (EXO...).</summary>
        public string ApiKey { get; set; } = string.Empty;
        /// <summary>The API secret (never printed).</summary>
        public string ApiSecret { get; set; } = string.Empty;
        /// <summary>Per-request timeout.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The API base of a zone (ch-gva-2, de-fra-1 ...).</summary>
        public static Uri ForZone(string zone) => new Uri($"https://api-{zone}.exoscale.com/v2/");
    }

    /// <summary>
    /// Exoscale API v2 GETs, signed with EXO2-HMAC-SHA256 (HMAC of "METHOD PATH\nBODY\nQUERY-VALUES\n\nEXPIRES").
    /// Errors are thrown as AmazonServiceException with a code S3Audit classifies (AccessDenied, InvalidToken ...).
    /// </summary>
    public sealed class ExoscaleApiClient : IDisposable
    {
        private static readonly TimeSpan SignatureLifetime = TimeSpan.FromMinutes(10);
        private readonly ExoscaleApiOptions _options;
        private readonly HttpClient _http;
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates the client.</summary>
        public ExoscaleApiClient(ExoscaleApiOptions options) : this(options, () => DateTimeOffset.UtcNow)
        {
        }

        internal ExoscaleApiClient(ExoscaleApiOptions options, Func<DateTimeOffset> clock)
        {
            _options = options;
            _clock = clock;
            string baseUrl = options.BaseUrl.ToString();
            _http = new HttpClient { BaseAddress = new Uri(baseUrl.EndsWith("/", StringComparison.Ordinal) ? baseUrl : baseUrl + "/"), Timeout = options.Timeout };
        }

        /// <summary>The API base.</summary>
        public Uri BaseUrl => _http.BaseAddress!;

        /// <summary>A client with a session's (Exoscale IAM v3) key and secret, for its zone's API unless <paramref name="baseUrl"/> is given.</summary>
        public static ExoscaleApiClient ForSession(Connection.S3Session session, Uri? baseUrl = null)
        {
            ImmutableCredentials keys = session.Credentials.GetCredentials();
            return new ExoscaleApiClient(new ExoscaleApiOptions
            {
                BaseUrl = baseUrl ?? ExoscaleApiOptions.ForZone(session.Region),
                ApiKey = keys.AccessKey,
                ApiSecret = keys.SecretKey,
                Timeout = session.Options.Timeout,
            });
        }

        /// <summary>GETs a path relative to the base (e.g. "api-key") and returns the parsed JSON.</summary>
        public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, path);
            long expires = (_clock() + SignatureLifetime).ToUnixTimeSeconds();
            message.Headers.TryAddWithoutValidation("Authorization", Authorization(_options.ApiKey, _options.ApiSecret, "GET", new Uri(BaseUrl, path).AbsolutePath, string.Empty, expires));
            message.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
            using HttpResponseMessage response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status < 200 || status >= 300)
            {
                throw Error("GET /" + path, status, body);
            }

            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }

        /// <summary>The Authorization header for a request without query parameters.</summary>
        internal static string Authorization(string apiKey, string apiSecret, string method, string path, string body, long expires)
        {
            string message = $"{method} {path}\n{body}\n\n\n{expires.ToString(CultureInfo.InvariantCulture)}";
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(apiSecret));
            string signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(message)));
            return $"EXO2-HMAC-SHA256 credential={apiKey},expires={expires.ToString(CultureInfo.InvariantCulture)},signature={signature}";
        }

        private static AmazonServiceException Error(string what, int status, string body) =>
            Http.JsonApiError.Create("Exoscale API", what, status, body);

        /// <inheritdoc />
        public void Dispose() => _http.Dispose();
    }
}
