using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace S3Audit.TestSupport
{
    /// <summary>
    /// A small SigV4 client written for the tests, independent of the engine's signer: header-signed requests with any
    /// payload hash, aws-chunked bodies with signed chunks or an unsigned CRC32 trailer, and presigned URLs. Paths
    /// and query values must be plain ([A-Za-z0-9-._~/]), which keeps the canonical form obvious.
    /// </summary>
    public sealed class RawSigV4
    {
        public const string SignedChunks = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
        public const string UnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

        private readonly string _accessKey;
        private readonly string _secretKey;
        private readonly Uri _endpoint;
        private const string Region = "us-east-1";

        public RawSigV4(string endpoint, string accessKey, string secretKey)
        {
            _endpoint = new Uri(endpoint);
            _accessKey = accessKey;
            _secretKey = secretKey;
        }

        private string HostHeader => _endpoint.IsDefaultPort ? _endpoint.Host : _endpoint.Host + ":" + _endpoint.Port;

        /// <summary>A PUT whose body is aws-chunked with one signature per chunk (chained from the request's).</summary>
        public HttpRequestMessage SignedChunkedPut(string path, byte[] data, int chunkSize, DateTime? now = null, bool corruptSecondChunk = false)
        {
            DateTime time = now ?? DateTime.UtcNow;
            var body = new MemoryStream();
            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["content-encoding"] = "aws-chunked",
                ["x-amz-decoded-content-length"] = data.Length.ToString(CultureInfo.InvariantCulture),
            };
            long encodedLength = ChunkedLength(data.Length, chunkSize, 64 + ";chunk-signature=".Length);
            headers["content-length"] = encodedLength.ToString(CultureInfo.InvariantCulture);
            (string authorization, string seed, byte[] key, string scope, string amzDate) = Sign("PUT", path, string.Empty, headers, SignedChunks, time);
            string previous = seed;
            int chunkNumber = 0;
            foreach (byte[] chunk in Chunks(data, chunkSize).Append(Array.Empty<byte>()))
            {
                string toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + previous + "\n" + Hex(SHA256.HashData(Array.Empty<byte>())) + "\n" + Hex(SHA256.HashData(chunk));
                string signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
                previous = signature;
                if (corruptSecondChunk && ++chunkNumber == 2)
                {
                    signature = new string('0', 64);
                }

                Write(body, chunk.Length.ToString("x", CultureInfo.InvariantCulture) + ";chunk-signature=" + signature + "\r\n");
                body.Write(chunk);
                Write(body, "\r\n");
            }

            return Message("PUT", path, string.Empty, headers, authorization, body.ToArray());
        }

        /// <summary>A PUT whose body is aws-chunked without chunk signatures and a CRC32 trailer (the SDKs' default today).</summary>
        public HttpRequestMessage UnsignedTrailerPut(string path, byte[] data, int chunkSize, bool wrongChecksum = false)
        {
            string crc = Convert.ToBase64String(BigEndian(Crc32(data) ^ (wrongChecksum ? 1u : 0u)));
            var body = new MemoryStream();
            foreach (byte[] chunk in Chunks(data, chunkSize))
            {
                Write(body, chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
                body.Write(chunk);
                Write(body, "\r\n");
            }

            Write(body, "0\r\nx-amz-checksum-crc32:" + crc + "\r\n\r\n");
            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["content-encoding"] = "aws-chunked",
                ["x-amz-decoded-content-length"] = data.Length.ToString(CultureInfo.InvariantCulture),
                ["x-amz-trailer"] = "x-amz-checksum-crc32",
                ["content-length"] = body.Length.ToString(CultureInfo.InvariantCulture),
            };
            (string authorization, _, _, _, _) = Sign("PUT", path, string.Empty, headers, UnsignedTrailer, DateTime.UtcNow);
            return Message("PUT", path, string.Empty, headers, authorization, body.ToArray());
        }

        /// <summary>A header-signed request with a plain body (its SHA-256 as payload hash).</summary>
        public HttpRequestMessage Plain(string method, string path, string query, byte[]? body = null)
        {
            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
            (string authorization, _, _, _, _) = Sign(method, path, query, headers, Hex(SHA256.HashData(body ?? Array.Empty<byte>())), DateTime.UtcNow);
            return Message(method, path, query, headers, authorization, body);
        }

        /// <summary>A presigned GET URL valid for <paramref name="expiresSeconds"/>.</summary>
        public Uri PresignGet(string path, int expiresSeconds, DateTime? now = null)
        {
            DateTime time = now ?? DateTime.UtcNow;
            string amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            string scope = $"{amzDate.Substring(0, 8)}/{Region}/s3/aws4_request";
            string query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + Uri.EscapeDataString(_accessKey + "/" + scope) + "&X-Amz-Date=" + amzDate +
                           "&X-Amz-Expires=" + expiresSeconds.ToString(CultureInfo.InvariantCulture) + "&X-Amz-SignedHeaders=host";
            string canonical = "GET\n" + path + "\n" + query + "\nhost:" + HostHeader + "\n\nhost\nUNSIGNED-PAYLOAD";
            string signature = Hex(HMACSHA256.HashData(SigningKey(amzDate.Substring(0, 8)), Encoding.UTF8.GetBytes(StringToSign(amzDate, scope, canonical))));
            return new Uri(_endpoint, path + "?" + query + "&X-Amz-Signature=" + signature);
        }

        private (string Authorization, string Signature, byte[] Key, string Scope, string AmzDate) Sign(string method, string path, string query, SortedDictionary<string, string> headers, string payloadHash, DateTime time)
        {
            string amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            headers["host"] = HostHeader;
            headers["x-amz-date"] = amzDate;
            headers["x-amz-content-sha256"] = payloadHash;
            string signedHeaders = string.Join(";", headers.Keys);
            string canonical = method + "\n" + path + "\n" + query + "\n" + string.Concat(headers.Select(h => h.Key + ":" + h.Value + "\n")) + "\n" + signedHeaders + "\n" + payloadHash;
            string scope = $"{amzDate.Substring(0, 8)}/{Region}/s3/aws4_request";
            byte[] key = SigningKey(amzDate.Substring(0, 8));
            string signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(StringToSign(amzDate, scope, canonical))));
            return ($"AWS4-HMAC-SHA256 Credential={_accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}", signature, key, scope, amzDate);
        }

        private HttpRequestMessage Message(string method, string path, string query, SortedDictionary<string, string> headers, string authorization, byte[]? body)
        {
            var message = new HttpRequestMessage(new HttpMethod(method), new Uri(_endpoint, path + (query.Length > 0 ? "?" + query : string.Empty)));
            if (body != null)
            {
                message.Content = new ByteArrayContent(body);
            }

            foreach (KeyValuePair<string, string> header in headers.Where(h => h.Key != "host" && h.Key != "content-length"))
            {
                if (header.Key.StartsWith("content-", StringComparison.Ordinal))
                {
                    message.Content!.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                else
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            message.Headers.TryAddWithoutValidation("Authorization", authorization);
            return message;
        }

        private byte[] SigningKey(string date)
        {
            byte[] k = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + _secretKey), Encoding.UTF8.GetBytes(date));
            k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(Region));
            k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes("s3"));
            return HMACSHA256.HashData(k, Encoding.UTF8.GetBytes("aws4_request"));
        }

        private static string StringToSign(string amzDate, string scope, string canonical) =>
            "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        private static IEnumerable<byte[]> Chunks(byte[] data, int size)
        {
            for (int i = 0; i < data.Length; i += size)
            {
                yield return data.AsSpan(i, Math.Min(size, data.Length - i)).ToArray();
            }
        }

        private static long ChunkedLength(int dataLength, int chunkSize, int signaturePart)
        {
            long total = 0;
            for (int i = 0; i < dataLength; i += chunkSize)
            {
                int n = Math.Min(chunkSize, dataLength - i);
                total += n.ToString("x", CultureInfo.InvariantCulture).Length + signaturePart + 2 + n + 2;
            }

            return total + 1 + signaturePart + 2 + 2;
        }

        /// <summary>CRC-32 (IEEE), bit by bit: slow and obviously right.</summary>
        public static uint Crc32(byte[] data)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int i = 0; i < 8; i++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }

        private static byte[] BigEndian(uint value) => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

        private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
