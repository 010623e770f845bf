using System;
using System.Buffers;
using System.IO;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Splits a byte stream into lines (LF or CRLF) without decoding, handing out spans into its own buffer.
    /// A line longer than <see cref="MaxLineLength"/> is returned truncated with <see cref="LastLineTooLong"/> set.
    /// </summary>
    internal sealed class LineReader : IDisposable
    {
        public const int MaxLineLength = 64 * 1024 * 1024;
        private readonly Stream _stream;
        private readonly ReadAheadStream? _chunks;
        private byte[] _buffer;
        private int[]? _lineEnds;
        private int _lineCount;
        private int _nextLine;
        private int _start;
        private int _end;
        private bool _eof;
        private bool _skipRestOfLine;

        public LineReader(Stream stream)
        {
            _stream = stream;
            _chunks = stream as ReadAheadStream;
            _buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        }

        /// <summary>The 1-based number of the last line returned.</summary>
        public long LineNumber { get; private set; }

        /// <summary>True when the last line was cut at <see cref="MaxLineLength"/>.</summary>
        public bool LastLineTooLong { get; private set; }

        /// <summary>The first bytes of the stream (up to <paramref name="count"/>) without consuming them.</summary>
        public ReadOnlySpan<byte> Peek(int count)
        {
            while (_end - _start < count && !_eof)
            {
                Fill();
            }

            return new ReadOnlySpan<byte>(_buffer, _start, Math.Min(count, _end - _start));
        }

        /// <summary>Skips a UTF-8 byte order mark at the current position.</summary>
        public void SkipBom()
        {
            ReadOnlySpan<byte> head = Peek(3);
            if (head.Length == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
            {
                _start += 3;
            }
        }

        public bool TryReadLine(out ReadOnlySpan<byte> line)
        {
            LastLineTooLong = false;
            if (_lineEnds != null)
            {
                if (_nextLine < _lineCount)
                {
                    // A chunk read ahead comes with its line breaks found.
                    int end = _lineEnds[_nextLine++];
                    line = Trim(new ReadOnlySpan<byte>(_buffer, _start, end - _start));
                    _start = end + 1;
                    return Deliver(ref line);
                }

                ReleaseLineEnds();
            }

            int scanned = 0;
            while (true)
            {
                int nl = new ReadOnlySpan<byte>(_buffer, _start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    int lineEnd = _start + scanned + nl;
                    line = Trim(new ReadOnlySpan<byte>(_buffer, _start, lineEnd - _start));
                    _start = lineEnd + 1;
                    return Deliver(ref line);
                }

                if (_eof)
                {
                    if (_end > _start)
                    {
                        line = Trim(new ReadOnlySpan<byte>(_buffer, _start, _end - _start));
                        _start = _end;
                        return Deliver(ref line);
                    }

                    line = default;
                    return false;
                }

                if (_end - _start >= MaxLineLength)
                {
                    // Hand out what fits and drop the rest of the line.
                    line = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
                    _start = _end;
                    _skipRestOfLine = true;
                    LastLineTooLong = true;
                    LineNumber++;
                    return true;
                }

                scanned = _end - _start;
                if (Fill())
                {
                    return TryReadLine(out line);
                }
            }
        }

        private bool Deliver(ref ReadOnlySpan<byte> line)
        {
            if (_skipRestOfLine)
            {
                _skipRestOfLine = false;
                return TryReadLine(out line);
            }

            LineNumber++;
            return true;
        }

        private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) =>
            line.Length > 0 && line[line.Length - 1] == '\r' ? line.Slice(0, line.Length - 1) : line;

        /// <summary>Reads more bytes, compacting or growing the buffer; true when a read-ahead chunk replaced the buffer.</summary>
        private bool Fill()
        {
            if (_chunks != null && _start == _end && _chunks.TryTakeChunk(out ReadAheadStream.Chunk chunk))
            {
                // Nothing left in the buffer: take the next chunk as it is instead of copying it.
                ArrayPool<byte>.Shared.Return(_buffer);
                ReleaseLineEnds();
                _buffer = chunk.Buffer!;
                _start = 0;
                _end = chunk.Length;
                _lineEnds = chunk.LineEnds;
                _lineCount = chunk.LineCount;
                _nextLine = 0;
                return true;
            }

            if (_start > 0 && (_end == _buffer.Length || _start > _buffer.Length / 2))
            {
                int shift = _start;
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
                for (int i = _nextLine; _lineEnds != null && i < _lineCount; i++)
                {
                    _lineEnds[i] -= shift;
                }
            }

            if (_end == _buffer.Length)
            {
                byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
            return false;
        }

        private void ReleaseLineEnds()
        {
            if (_lineEnds != null)
            {
                ArrayPool<int>.Shared.Return(_lineEnds);
                _lineEnds = null;
            }
        }

        public void Dispose()
        {
            ReleaseLineEnds();
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = Array.Empty<byte>();
            }
        }
    }
}
