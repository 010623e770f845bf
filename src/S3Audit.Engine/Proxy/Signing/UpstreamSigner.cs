using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace S3Audit.Engine.Proxy.Signing
{
    /// <summary>What signing a request for the upstream produced: the header value and the seed of a chunk chain.</summary>
    internal sealed class UpstreamSignature
    {
        public UpstreamSignature(string authorization, string signature, byte[] signingKey, string amzDate, string scope)
        {
            Authorization = authorization;
            Signature = signature;
            SigningKey = signingKey;
            AmzDate = amzDate;
            Scope = scope;
        }

        public string Authorization { get; }
        public string Signature { get; }
        public byte[] SigningKey { get; }
        public string AmzDate { get; }
        public string Scope { get; }

        /// <summary>The chain that signs the chunks forwarded to the upstream.</summary>
        public ChunkSigner ChunkChain() => new ChunkSigner(SigningKey, AmzDate, Scope, Signature);
    }

    /// <summary>Signs forwarded requests with SigV4 for the upstream host, with the credentials the gateway holds.</summary>
    internal sealed class UpstreamSigner
    {
        private readonly AWSCredentials _credentials;
        private readonly string _region;

        public UpstreamSigner(AWSCredentials credentials, string region)
        {
            _credentials = credentials;
            _region = region;
        }

        /// <summary>
        /// Adds x-amz-date (and x-amz-security-token for temporary credentials) to <paramref name="signedHeaders"/>
        /// (lowercase names, every header to sign, host included) and returns the signature over them.
        /// </summary>
        public async Task<UpstreamSignature> SignAsync(string method, string canonicalPath, IReadOnlyList<KeyValuePair<string, string>> query, IDictionary<string, string> signedHeaders, string payloadHash, DateTimeOffset now)
        {
            ImmutableCredentials keys = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
            string amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            string date = amzDate.Substring(0, 8);
            signedHeaders["x-amz-date"] = amzDate;
            signedHeaders["x-amz-content-sha256"] = payloadHash;
            if (keys.UseToken)
            {
                signedHeaders["x-amz-security-token"] = keys.Token;
            }

            List<string> names = signedHeaders.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
            string scope = $"{date}/{_region}/s3/aws4_request";
            string canonical = CanonicalRequest.Build(method, canonicalPath, query, names, n => signedHeaders.TryGetValue(n, out string? v) ? v : null, payloadHash);
            byte[] signingKey = SigV4Math.SigningKey(keys.SecretKey, date, _region, "s3");
            string signature = SigV4Math.Hex(SigV4Math.Hmac(signingKey, CanonicalRequest.StringToSign(amzDate, scope, canonical)));
            string authorization = $"{SigV4Math.Algorithm} Credential={keys.AccessKey}/{scope}, SignedHeaders={string.Join(";", names)}, Signature={signature}";
            return new UpstreamSignature(authorization, signature, signingKey, amzDate, scope);
        }
    }
}
