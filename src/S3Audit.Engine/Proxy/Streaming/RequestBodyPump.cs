using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Proxy.Signing;

namespace S3Audit.Engine.Proxy.Streaming
{
    /// <summary>
    /// Moves a request body from the client to the upstream without holding it: plain bodies are copied; aws-chunked
    /// bodies are read chunk by chunk, each client chunk signature checked and replaced by the upstream's (same
    /// length, so Content-Length holds), and a trailing checksum checked before the trailer is passed on. A body that
    /// fails a check ends the copy with <see cref="ProxyRequestException"/> before its end reaches the upstream, so the
    /// upstream never completes the request.
    /// </summary>
    internal sealed class RequestBodyPump
    {
        /// <summary>Largest chunk accepted; a signed chunk is held whole to be hashed before its header is sent.</summary>
        public const int MaxChunkBytes = 16 * 1024 * 1024;

        private const int BufferBytes = 128 * 1024;
        private readonly BodyFraming _framing;
        private readonly ChunkSigner? _client;
        private readonly ChunkSigner? _upstream;
        private readonly string? _declaredTrailer;

        public RequestBodyPump(BodyFraming framing, ChunkSigner? client, ChunkSigner? upstream, string? declaredTrailer)
        {
            _framing = framing;
            _client = client;
            _upstream = upstream;
            _declaredTrailer = declaredTrailer;
        }

        /// <summary>Bytes read from the client (the wire length).</summary>
        public long WireBytes { get; private set; }

        /// <summary>Payload bytes (the object's size for an upload).</summary>
        public long PayloadBytes { get; private set; }

        /// <summary>True once the whole body was read and passed on.</summary>
        public bool Completed { get; private set; }

        /// <summary>Copies the body from <paramref name="client"/> to <paramref name="upstream"/>.</summary>
        public async Task CopyAsync(Stream client, Stream upstream, CancellationToken cancellationToken)
        {
            if (_framing == BodyFraming.Plain)
            {
                await CopyPlainAsync(client, upstream, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var reader = new FramedReader(client, BufferBytes);
                try
                {
                    await CopyChunkedAsync(reader, upstream, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    WireBytes = reader.BytesRead;
                }
            }

            Completed = true;
        }

        /// <summary>Two buffers: the next read from the client runs while the last block goes to the upstream.</summary>
        private async Task CopyPlainAsync(Stream client, Stream upstream, CancellationToken cancellationToken)
        {
            byte[] current = new byte[BufferBytes], next = new byte[BufferBytes];
            int n = await client.ReadAsync(current, 0, current.Length, cancellationToken).ConfigureAwait(false);
            while (n > 0)
            {
                WireBytes += n;
                PayloadBytes += n;
                Task<int> reading = client.ReadAsync(next, 0, next.Length, cancellationToken);
                try
                {
                    await upstream.WriteAsync(current, 0, n, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    _ = reading.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    throw;
                }

                n = await reading.ConfigureAwait(false);
                (current, next) = (next, current);
            }
        }

        private async Task CopyChunkedAsync(FramedReader reader, Stream upstream, CancellationToken cancellationToken)
        {
            bool signed = _framing != BodyFraming.UnsignedChunksWithTrailer;
            TrailingChecksum? checksum = _declaredTrailer == null ? null : TrailingChecksum.For(_declaredTrailer);
            byte[] buffer = new byte[BufferBytes];
            byte[]? chunk = null;
            while (true)
            {
                string header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw ProxyRequestException.Incomplete("the final chunk");
                (int size, string? signature) = ParseChunkHeader(header, signed);
                if (signed)
                {
                    chunk = chunk == null || chunk.Length < size ? new byte[Math.Max(size, 64 * 1024)] : chunk;
                    await reader.ReadExactAsync(chunk, 0, size, "the end of a chunk", cancellationToken).ConfigureAwait(false);
                    string hash = Sha256Hex(chunk, size);
                    if (!SigV4Math.FixedTimeEquals(_client!.NextChunk(hash), signature!))
                    {
                        throw new ProxyRequestException(403, "SignatureDoesNotMatch", $"The signature of chunk {PayloadBytes} bytes into the body does not match.");
                    }

                    string upstreamHeader = header.Substring(0, header.IndexOf(';')) + ";chunk-signature=" + _upstream!.NextChunk(hash) + "\r\n";
                    await WriteAsciiAsync(upstream, upstreamHeader, cancellationToken).ConfigureAwait(false);
                    checksum?.Append(chunk, 0, size);
                    await upstream.WriteAsync(chunk, 0, size, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await WriteAsciiAsync(upstream, header + "\r\n", cancellationToken).ConfigureAwait(false);
                    for (int left = size; left > 0;)
                    {
                        int n = await reader.ReadSomeAsync(buffer, 0, Math.Min(left, buffer.Length), cancellationToken).ConfigureAwait(false);
                        if (n == 0)
                        {
                            throw ProxyRequestException.Incomplete("the end of a chunk");
                        }

                        checksum?.Append(buffer, 0, n);
                        await upstream.WriteAsync(buffer, 0, n, cancellationToken).ConfigureAwait(false);
                        left -= n;
                    }
                }

                PayloadBytes += size;
                if (size == 0)
                {
                    await FinishAsync(reader, upstream, checksum, cancellationToken).ConfigureAwait(false);
                    return;
                }

                string? end = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (end == null || end.Length != 0)
                {
                    throw ProxyRequestException.Malformed("a chunk's data is not followed by a line end");
                }

                await WriteAsciiAsync(upstream, "\r\n", cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>After the zero-length chunk: the trailer (checked, re-signed) or the closing empty line.</summary>
        private async Task FinishAsync(FramedReader reader, Stream upstream, TrailingChecksum? checksum, CancellationToken cancellationToken)
        {
            var trailer = new StringBuilder();
            var canonical = new StringBuilder();
            string? clientTrailerSignature = null;
            string? checksumValue = null;
            while (true)
            {
                string? line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line == null || line.Length == 0)
                {
                    break;
                }

                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    throw ProxyRequestException.Malformed("a trailer line is not 'name:value'");
                }

                string name = line.Substring(0, colon).Trim().ToLowerInvariant();
                string value = line.Substring(colon + 1).Trim();
                if (name == "x-amz-trailer-signature")
                {
                    clientTrailerSignature = value;
                    continue;
                }

                if (_declaredTrailer != null && string.Equals(name, _declaredTrailer.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    checksumValue = value;
                }

                canonical.Append(name).Append(':').Append(value).Append('\n');
                trailer.Append(line).Append("\r\n");
            }

            if (checksum != null)
            {
                string computed = checksum.Finish();
                if (checksumValue == null)
                {
                    throw ProxyRequestException.Malformed($"the trailer declared in x-amz-trailer ({_declaredTrailer}) is missing");
                }

                if (!string.Equals(computed, checksumValue, StringComparison.Ordinal))
                {
                    throw new ProxyRequestException(400, "BadDigest", $"The {_declaredTrailer} you specified did not match the calculated checksum.");
                }
            }

            if (_framing == BodyFraming.SignedChunksWithTrailer)
            {
                if (clientTrailerSignature == null || !SigV4Math.FixedTimeEquals(_client!.Trailer(canonical.ToString()), clientTrailerSignature))
                {
                    throw new ProxyRequestException(403, "SignatureDoesNotMatch", "The trailer signature does not match.");
                }

                trailer.Append("x-amz-trailer-signature:").Append(_upstream!.Trailer(canonical.ToString())).Append("\r\n");
            }

            trailer.Append("\r\n");
            await WriteAsciiAsync(upstream, trailer.ToString(), cancellationToken).ConfigureAwait(false);
        }

        private static (int Size, string? Signature) ParseChunkHeader(string header, bool signed)
        {
            int semicolon = header.IndexOf(';');
            string hex = (semicolon < 0 ? header : header.Substring(0, semicolon)).Trim();
            if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0 || size > MaxChunkBytes)
            {
                throw ProxyRequestException.Malformed($"'{Truncate(hex)}' is not a chunk size of at most {MaxChunkBytes} bytes");
            }

            if (!signed)
            {
                return (size, null);
            }

            const string Marker = "chunk-signature=";
            int at = header.IndexOf(Marker, StringComparison.Ordinal);
            if (semicolon < 0 || at < 0)
            {
                throw new ProxyRequestException(403, "SignatureDoesNotMatch", "A chunk of a signed aws-chunked body has no chunk-signature.");
            }

            return (size, header.Substring(at + Marker.Length).Trim());
        }

        private static string Sha256Hex(byte[] data, int count)
        {
            using SHA256 sha = SHA256.Create();
            return SigV4Math.Hex(sha.ComputeHash(data, 0, count));
        }

        private static Task WriteAsciiAsync(Stream stream, string text, CancellationToken cancellationToken)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            return stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
        }

        private static string Truncate(string text) => text.Length <= 20 ? text : text.Substring(0, 20) + "...";
    }
}
