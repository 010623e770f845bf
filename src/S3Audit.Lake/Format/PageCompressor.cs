using System;
using System.IO;
using System.IO.Compression;
using S3Audit.Engine.Lake;
using ZstdSharp;

namespace S3Audit.Lake.Format
{
    /// <summary>Compresses page bodies with the file's codec into a buffer reused from page to page. One thread at a time.</summary>
    internal sealed class PageCompressor : IDisposable
    {
        // Zstd level 1, the fastest standard level: log columns are already small after dictionary encoding.
        private const int ZstdLevel = 1;
        private readonly S3AuditLogCompression _codec;
        private readonly Compressor? _zstd;
        private byte[] _output = Array.Empty<byte>();

        public PageCompressor(S3AuditLogCompression codec)
        {
            _codec = codec;
            if (codec == S3AuditLogCompression.Zstd)
            {
                _zstd = new Compressor(ZstdLevel);
            }
        }

        /// <summary>The Parquet CompressionCodec number of the codec.</summary>
        public int CodecId => _codec switch
        {
            S3AuditLogCompression.Snappy => 1,
            S3AuditLogCompression.Gzip => 2,
            S3AuditLogCompression.Zstd => 6,
            _ => 0,
        };

        /// <summary>The compressed body; valid until the next call.</summary>
        public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> body)
        {
            int length;
            switch (_codec)
            {
                case S3AuditLogCompression.Zstd:
                    length = _zstd!.Wrap(body, Room(Compressor.GetCompressBound(body.Length)));
                    break;
                case S3AuditLogCompression.Snappy:
                    length = Snappier.Snappy.Compress(body, Room(Snappier.Snappy.GetMaxCompressedLength(body.Length)));
                    break;
                case S3AuditLogCompression.Gzip:
                    return Gzip(body);
                default:
                    return body;
            }

            return _output.AsSpan(0, length);
        }

        public void Dispose() => _zstd?.Dispose();

        private Span<byte> Room(int bytes)
        {
            if (_output.Length < bytes)
            {
                _output = new byte[Math.Max(bytes, _output.Length * 2)];
            }

            return _output;
        }

        private ReadOnlySpan<byte> Gzip(ReadOnlySpan<byte> body)
        {
            var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body);
            }

            return compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        }
    }
}
