using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Proxy.Signing
{
    /// <summary>A checked client signature: the key it used and what continues the chain of a chunked body.</summary>
    internal sealed class VerifiedSignature
    {
        public VerifiedSignature(ClientSignature signature, ProxyCredential key, byte[] signingKey, string payloadHash)
        {
            Signature = signature;
            Key = key;
            SigningKey = signingKey;
            PayloadHash = payloadHash;
        }

        public ClientSignature Signature { get; }
        public ProxyCredential Key { get; }
        public byte[] SigningKey { get; }
        /// <summary>x-amz-content-sha256 as signed (a hash, UNSIGNED-PAYLOAD or a STREAMING-* marker).</summary>
        public string PayloadHash { get; }

        /// <summary>The chain that checks the client's chunk signatures.</summary>
        public ChunkSigner ChunkChain() => new ChunkSigner(SigningKey, Signature.AmzDate, Signature.Scope, Signature.Signature);
    }

    /// <summary>
    /// Checks a client's SigV4 signature the way S3 does: the key must be one the gateway serves, the scope must be
    /// for s3, the time within 15 minutes (header) or before the presigned expiry, and the signature must match the
    /// canonical request rebuilt from what arrived.
    /// </summary>
    internal sealed class SignatureVerifier
    {
        private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
        private readonly IReadOnlyDictionary<string, ProxyCredential> _keys;

        public SignatureVerifier(IEnumerable<ProxyCredential> keys)
        {
            _keys = keys.GroupBy(k => k.AccessKeyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        }

        /// <summary>The key for an access key id, or null when the gateway does not serve it.</summary>
        public ProxyCredential? Find(string accessKeyId) => _keys.TryGetValue(accessKeyId, out ProxyCredential? key) ? key : null;

        /// <summary>The verified signature, or a <see cref="ProxyRequestException"/> with the S3 error.</summary>
        public VerifiedSignature Verify(ClientSignature signature, string method, string rawPath, IReadOnlyList<KeyValuePair<string, string>> query, Func<string, string?> header, DateTimeOffset now)
        {
            ProxyCredential key = Find(signature.AccessKeyId)
                ?? throw new ProxyRequestException(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
            if (signature.Service != "s3" || !signature.TryGetTime(out DateTimeOffset signedAt) || signature.AmzDate.Substring(0, 8) != signature.Date)
            {
                throw new ProxyRequestException(403, "SignatureDoesNotMatch", "The credential scope must be <date>/<region>/s3/aws4_request and match X-Amz-Date.");
            }

            if (!signature.SignedHeaders.Contains("host"))
            {
                throw new ProxyRequestException(400, signature.Kind == AuthKind.Query ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed", "The host header must be signed.");
            }

            CheckTime(signature, signedAt, now);
            string payloadHash;
            IEnumerable<KeyValuePair<string, string>> canonicalQuery = query;
            if (signature.Kind == AuthKind.Query)
            {
                payloadHash = signature.SignedHeaders.Contains("x-amz-content-sha256") ? header("x-amz-content-sha256") ?? "UNSIGNED-PAYLOAD" : "UNSIGNED-PAYLOAD";
                canonicalQuery = query.Where(p => p.Key != "X-Amz-Signature");
            }
            else
            {
                payloadHash = header("x-amz-content-sha256")
                    ?? throw new ProxyRequestException(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256.");
            }

            string canonical = CanonicalRequest.Build(method, rawPath, canonicalQuery, signature.SignedHeaders, header, payloadHash);
            byte[] signingKey = SigV4Math.SigningKey(key.SecretKey, signature.Date, signature.Region, signature.Service);
            string expected = SigV4Math.Hex(SigV4Math.Hmac(signingKey, CanonicalRequest.StringToSign(signature.AmzDate, signature.Scope, canonical)));
            if (!SigV4Math.FixedTimeEquals(expected, signature.Signature))
            {
                throw new ProxyRequestException(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
            }

            return new VerifiedSignature(signature, key, signingKey, payloadHash);
        }

        private static void CheckTime(ClientSignature signature, DateTimeOffset signedAt, DateTimeOffset now)
        {
            if (signature.Kind == AuthKind.Query)
            {
                if (now > signedAt.AddSeconds(signature.ExpiresSeconds))
                {
                    throw new ProxyRequestException(403, "AccessDenied", "Request has expired.");
                }

                if (signedAt - now > AllowedSkew)
                {
                    throw new ProxyRequestException(403, "AccessDenied", "Request is not valid yet.");
                }

                return;
            }

            if ((now - signedAt).Duration() > AllowedSkew)
            {
                throw new ProxyRequestException(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
            }
        }
    }
}
