using System;
using System.IO;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// .NET's GZipStream ends quietly when the compressed data is cut short. This pair of wrappers notices it: the
    /// inner one keeps the last 8 compressed bytes (the gzip trailer: CRC32, ISIZE), the outer one counts what was
    /// decompressed and, at the end, throws <see cref="InvalidDataException"/> when ISIZE does not match and the
    /// text does not end with a line break (a concatenated multi-member file ends with one and is accepted).
    /// </summary>
    internal static class GzipEndCheck
    {
        public static Stream Wrap(Stream compressed)
        {
            var tail = new TailStream(compressed);
            return new CheckedGzipStream(new System.IO.Compression.GZipStream(tail, System.IO.Compression.CompressionMode.Decompress), tail);
        }

        private sealed class TailStream : ReadOnlyStream
        {
            public readonly byte[] Last = new byte[8];
            public int Filled;

            public TailStream(Stream inner) : base(inner)
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = Inner.Read(buffer, offset, count);
                for (int i = Math.Max(0, n - 8); i < n; i++)
                {
                    Buffer.BlockCopy(Last, 1, Last, 0, 7);
                    Last[7] = buffer[offset + i];
                    Filled = Math.Min(8, Filled + 1);
                }

                return n;
            }
        }

        private sealed class CheckedGzipStream : ReadOnlyStream
        {
            private readonly TailStream _tail;
            private long _count;
            private byte _lastByte = (byte)'\n';
            private bool _checked;

            public CheckedGzipStream(Stream gzip, TailStream tail) : base(gzip)
            {
                _tail = tail;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = Inner.Read(buffer, offset, count);
                if (n > 0)
                {
                    _count += n;
                    _lastByte = buffer[offset + n - 1];
                    return n;
                }

                if (!_checked && count > 0)
                {
                    _checked = true;
                    uint isize = _tail.Filled == 8 ? BitConverter.ToUInt32(_tail.Last, 4) : uint.MaxValue;
                    if (isize != (uint)_count && _lastByte != (byte)'\n')
                    {
                        throw new InvalidDataException($"the gzip data ends early after {_count} decompressed bytes (truncated file or broken trailer)");
                    }
                }

                return 0;
            }
        }
    }
}
