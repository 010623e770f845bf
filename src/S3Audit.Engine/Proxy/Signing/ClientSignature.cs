using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace S3Audit.Engine.Proxy.Signing
{
    /// <summary>How a request was authenticated, in the access log's words.</summary>
    internal enum AuthKind
    {
        /// <summary>No signature: forwarded unsigned, for the upstream to judge ("-").</summary>
        Anonymous,
        /// <summary>SigV4 in the Authorization header ("AuthHeader").</summary>
        Header,
        /// <summary>SigV4 in the query string, a presigned URL ("QueryString").</summary>
        Query,
    }

    /// <summary>The SigV4 parts a client sent, from the Authorization header or a presigned query string.</summary>
    internal sealed class ClientSignature
    {
        public AuthKind Kind { get; private set; }
        public string AccessKeyId { get; private set; } = string.Empty;
        public string Date { get; private set; } = string.Empty;
        public string Region { get; private set; } = string.Empty;
        public string Service { get; private set; } = string.Empty;
        public IReadOnlyList<string> SignedHeaders { get; private set; } = Array.Empty<string>();
        public string Signature { get; private set; } = string.Empty;
        public string AmzDate { get; private set; } = string.Empty;
        /// <summary>Seconds a presigned URL stays valid.</summary>
        public int ExpiresSeconds { get; private set; }

        public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

        /// <summary>The request's time from X-Amz-Date.</summary>
        public bool TryGetTime(out DateTimeOffset time) =>
            DateTimeOffset.TryParseExact(AmzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

        /// <summary>
        /// Reads the signature of a request. Null with no error: anonymous. An error (status, code, message) when the
        /// request carries a signature the gateway cannot use (SigV2, malformed, SigV4a).
        /// </summary>
        public static ClientSignature? Read(Func<string, string?> header, IReadOnlyList<KeyValuePair<string, string>> query, out ProxyRequestException? error)
        {
            error = null;
            string? authorization = header("authorization");
            string? queryAlgorithm = QueryValue(query, "X-Amz-Algorithm");
            if (authorization != null)
            {
                return FromHeader(authorization, header("x-amz-date") ?? string.Empty, out error);
            }

            if (queryAlgorithm != null)
            {
                return FromQuery(queryAlgorithm, query, out error);
            }

            if (QueryValue(query, "Signature") != null && QueryValue(query, "AWSAccessKeyId") != null)
            {
                error = new ProxyRequestException(400, "InvalidRequest", "Signature Version 2 presigned URLs are not supported by the gateway; presign with SigV4.");
            }

            return null;
        }

        private static ClientSignature? FromHeader(string authorization, string amzDate, out ProxyRequestException? error)
        {
            error = null;
            string value = authorization.Trim();
            if (value.StartsWith("AWS ", StringComparison.Ordinal))
            {
                error = new ProxyRequestException(400, "InvalidRequest", "Signature Version 2 is not supported by the gateway; sign requests with SigV4.");
                return null;
            }

            if (!value.StartsWith(SigV4Math.Algorithm + " ", StringComparison.Ordinal))
            {
                error = new ProxyRequestException(400, "AuthorizationHeaderMalformed", "The authorization header is not AWS4-HMAC-SHA256 (SigV4a and other schemes are not supported).");
                return null;
            }

            var parts = value.Substring(SigV4Math.Algorithm.Length + 1)
                .Split(',')
                .Select(p => p.Trim())
                .Where(p => p.IndexOf('=') > 0)
                .ToDictionary(p => p.Substring(0, p.IndexOf('=')), p => p.Substring(p.IndexOf('=') + 1), StringComparer.Ordinal);
            parts.TryGetValue("Credential", out string? credential);
            parts.TryGetValue("SignedHeaders", out string? signedHeaders);
            parts.TryGetValue("Signature", out string? signature);
            var result = new ClientSignature { Kind = AuthKind.Header, AmzDate = amzDate };
            if (!result.TakeCredential(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature) || amzDate.Length == 0)
            {
                error = new ProxyRequestException(400, "AuthorizationHeaderMalformed", "The authorization header is malformed: it needs Credential, SignedHeaders, Signature and an x-amz-date header.");
                return null;
            }

            result.SignedHeaders = signedHeaders!.Split(';');
            result.Signature = signature!;
            return result;
        }

        private static ClientSignature? FromQuery(string algorithm, IReadOnlyList<KeyValuePair<string, string>> query, out ProxyRequestException? error)
        {
            error = null;
            var result = new ClientSignature
            {
                Kind = AuthKind.Query,
                AmzDate = QueryValue(query, "X-Amz-Date") ?? string.Empty,
                Signature = QueryValue(query, "X-Amz-Signature") ?? string.Empty,
            };
            string? signedHeaders = QueryValue(query, "X-Amz-SignedHeaders");
            bool expiresOk = int.TryParse(QueryValue(query, "X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out int expires);
            if (algorithm != SigV4Math.Algorithm || !result.TakeCredential(QueryValue(query, "X-Amz-Credential")) || string.IsNullOrEmpty(signedHeaders) ||
                result.Signature.Length == 0 || result.AmzDate.Length == 0 || !expiresOk || expires < 1 || expires > 604800)
            {
                error = new ProxyRequestException(400, "AuthorizationQueryParametersError",
                    "The presigned URL is malformed: it needs X-Amz-Algorithm=AWS4-HMAC-SHA256, X-Amz-Credential, X-Amz-Date, X-Amz-Expires (1 to 604800), X-Amz-SignedHeaders and X-Amz-Signature.");
                return null;
            }

            result.SignedHeaders = signedHeaders!.Split(';');
            result.ExpiresSeconds = expires;
            return result;
        }

        private bool TakeCredential(string? credential)
        {
            string[] scope = (credential ?? string.Empty).Split('/');
            if (scope.Length != 5 || scope[0].Length == 0 || scope[4] != "aws4_request")
            {
                return false;
            }

            AccessKeyId = scope[0];
            Date = scope[1];
            Region = scope[2];
            Service = scope[3];
            return true;
        }

        internal static string? QueryValue(IReadOnlyList<KeyValuePair<string, string>> query, string name)
        {
            foreach (KeyValuePair<string, string> pair in query)
            {
                if (string.Equals(pair.Key, name, StringComparison.Ordinal))
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }
}
