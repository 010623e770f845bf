using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace S3Audit.Engine.Proxy.Signing
{
    /// <summary>
    /// SigV4's canonical request for S3: method, the path decoded and encoded once, the sorted query, the signed
    /// headers with trimmed values, and the payload hash. The proxy builds it twice per request: once to check the
    /// client's signature, once to sign for the upstream.
    /// </summary>
    internal static class CanonicalRequest
    {
        /// <summary>The canonical request text.</summary>
        /// <param name="method">GET, PUT ...</param>
        /// <param name="rawPath">The path as sent (percent-encoding as the client chose).</param>
        /// <param name="query">The decoded query pairs (presigned requests leave X-Amz-Signature out).</param>
        /// <param name="signedHeaders">Lowercase header names, in the order given by the signer.</param>
        /// <param name="headerValue">The value of a header as sent (several values joined with ","), or null when absent.</param>
        /// <param name="payloadHash">The x-amz-content-sha256 value, UNSIGNED-PAYLOAD, or a STREAMING-* marker.</param>
        public static string Build(string method, string rawPath, IEnumerable<KeyValuePair<string, string>> query, IReadOnlyList<string> signedHeaders, Func<string, string?> headerValue, string payloadHash)
        {
            var text = new StringBuilder(512);
            text.Append(method).Append('\n');
            text.Append(CanonicalPath(rawPath)).Append('\n');
            text.Append(CanonicalQuery(query)).Append('\n');
            foreach (string name in signedHeaders)
            {
                text.Append(name).Append(':').Append(CanonicalHeaderValue(headerValue(name) ?? string.Empty)).Append('\n');
            }

            text.Append('\n');
            text.Append(string.Join(";", signedHeaders)).Append('\n');
            text.Append(payloadHash);
            return text.ToString();
        }

        /// <summary>The path decoded once and encoded the S3 way ("/" when empty).</summary>
        public static string CanonicalPath(string rawPath)
        {
            string path = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
            return S3UriEncoding.Encode(S3UriEncoding.Decode(path), keepSlash: true);
        }

        /// <summary>Pairs encoded, sorted by name and then value (ordinal), joined with "&amp;".</summary>
        public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query)
        {
            IEnumerable<KeyValuePair<string, string>> encoded = query
                .Select(p => new KeyValuePair<string, string>(S3UriEncoding.Encode(p.Key, false), S3UriEncoding.Encode(p.Value, false)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal);
            return string.Join("&", encoded.Select(p => p.Key + "=" + p.Value));
        }

        /// <summary>Leading and trailing spaces removed, inner runs of spaces collapsed to one.</summary>
        public static string CanonicalHeaderValue(string value)
        {
            string trimmed = value.Trim();
            if (trimmed.IndexOf("  ", StringComparison.Ordinal) < 0)
            {
                return trimmed;
            }

            var text = new StringBuilder(trimmed.Length);
            bool lastSpace = false;
            foreach (char c in trimmed)
            {
                bool space = c == ' ';
                if (!(space && lastSpace))
                {
                    text.Append(c);
                }

                lastSpace = space;
            }

            return text.ToString();
        }

        /// <summary>The string to sign: algorithm, timestamp, scope and the canonical request's hash.</summary>
        public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
            SigV4Math.Algorithm + "\n" + amzDate + "\n" + scope + "\n" + SigV4Math.Sha256Hex(canonicalRequest);
    }
}
