using System;

namespace S3Audit.Engine.Proxy.Streaming
{
    /// <summary>How a request body is framed, from its x-amz-content-sha256 value.</summary>
    internal enum BodyFraming
    {
        /// <summary>The bytes are the payload (a hex SHA-256, UNSIGNED-PAYLOAD, or no body).</summary>
        Plain,
        /// <summary>aws-chunked with a signature per chunk (STREAMING-AWS4-HMAC-SHA256-PAYLOAD).</summary>
        SignedChunks,
        /// <summary>Signed chunks and a signed trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER).</summary>
        SignedChunksWithTrailer,
        /// <summary>aws-chunked without signatures and a checksum trailer (STREAMING-UNSIGNED-PAYLOAD-TRAILER, today's SDK default).</summary>
        UnsignedChunksWithTrailer,
    }

    internal static class BodyFramings
    {
        public const string SignedChunksMarker = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
        public const string SignedChunksWithTrailerMarker = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
        public const string UnsignedChunksWithTrailerMarker = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

        /// <summary>The framing a payload hash announces; an unsupported STREAMING-* kind (SigV4a) is refused.</summary>
        public static BodyFraming FromPayloadHash(string? payloadHash)
        {
            switch (payloadHash)
            {
                case SignedChunksMarker: return BodyFraming.SignedChunks;
                case SignedChunksWithTrailerMarker: return BodyFraming.SignedChunksWithTrailer;
                case UnsignedChunksWithTrailerMarker: return BodyFraming.UnsignedChunksWithTrailer;
                case null: return BodyFraming.Plain;
            }

            if (payloadHash.StartsWith("STREAMING-", StringComparison.Ordinal))
            {
                throw new ProxyRequestException(400, "NotImplemented", $"The gateway does not support the payload kind {payloadHash} (SigV4a); use SigV4.");
            }

            return BodyFraming.Plain;
        }
    }
}
