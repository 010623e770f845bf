using System.Text;

namespace S3Audit.Engine.Proxy.Signing
{
    /// <summary>
    /// The signature chain of an aws-chunked upload (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]): each chunk's
    /// signature covers the previous one, starting from the request's own signature (the seed).
    /// </summary>
    internal sealed class ChunkSigner
    {
        private readonly byte[] _signingKey;
        private readonly string _amzDate;
        private readonly string _scope;

        public ChunkSigner(byte[] signingKey, string amzDate, string scope, string seedSignature)
        {
            _signingKey = signingKey;
            _amzDate = amzDate;
            _scope = scope;
            Previous = seedSignature;
        }

        /// <summary>The last signature of the chain (the seed before any chunk).</summary>
        public string Previous { get; private set; }

        /// <summary>The signature of the next chunk, whose data hashes to <paramref name="dataSha256Hex"/>; advances the chain.</summary>
        public string NextChunk(string dataSha256Hex)
        {
            string toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + _amzDate + "\n" + _scope + "\n" + Previous + "\n" + SigV4Math.EmptySha256 + "\n" + dataSha256Hex;
            return Previous = SigV4Math.Hex(SigV4Math.Hmac(_signingKey, toSign));
        }

        /// <summary>The signature of the trailer, given its canonical text ("name:value\n" per header); advances the chain.</summary>
        public string Trailer(string canonicalTrailer)
        {
            string toSign = "AWS4-HMAC-SHA256-TRAILER\n" + _amzDate + "\n" + _scope + "\n" + Previous + "\n" + SigV4Math.Hex(SigV4Math.Sha256(Encoding.UTF8.GetBytes(canonicalTrailer)));
            return Previous = SigV4Math.Hex(SigV4Math.Hmac(_signingKey, toSign));
        }
    }
}
