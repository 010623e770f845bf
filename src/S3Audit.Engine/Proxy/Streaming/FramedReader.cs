using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace S3Audit.Engine.Proxy.Streaming
{
    /// <summary>Reads lines and exact byte counts from a request body, through one buffer, counting what it read.</summary>
    internal sealed class FramedReader
    {
        private const int MaxLine = 8 * 1024;
        private readonly Stream _input;
        private readonly byte[] _buffer;
        private int _start;
        private int _end;

        public FramedReader(Stream input, int bufferSize)
        {
            _input = input;
            _buffer = new byte[bufferSize];
        }

        /// <summary>Bytes taken from the input so far.</summary>
        public long BytesRead { get; private set; }

        /// <summary>The next line without its line end ("\r\n" or "\n"); null at the end of the input.</summary>
        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return line.Length == 0 ? null : throw ProxyRequestException.Incomplete("the end of a chunk header or trailer line");
                }

                int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                int stop = newline < 0 ? _end : newline;
                line.Write(_buffer, _start, stop - _start);
                _start = newline < 0 ? _end : newline + 1;
                if (line.Length > MaxLine)
                {
                    throw ProxyRequestException.Malformed($"a chunk header or trailer line is longer than {MaxLine} bytes");
                }

                if (newline >= 0)
                {
                    byte[] bytes = line.ToArray();
                    int length = bytes.Length > 0 && bytes[bytes.Length - 1] == '\r' ? bytes.Length - 1 : bytes.Length;
                    return Encoding.ASCII.GetString(bytes, 0, length);
                }
            }
        }

        /// <summary>Up to <paramref name="count"/> bytes into <paramref name="target"/>; 0 only at the end of the input.</summary>
        public async Task<int> ReadSomeAsync(byte[] target, int offset, int count, CancellationToken cancellationToken)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            int n = Math.Min(count, _end - _start);
            Buffer.BlockCopy(_buffer, _start, target, offset, n);
            _start += n;
            return n;
        }

        /// <summary>Exactly <paramref name="count"/> bytes, or an IncompleteBody refusal naming <paramref name="what"/>.</summary>
        public async Task ReadExactAsync(byte[] target, int offset, int count, string what, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                int n = await ReadSomeAsync(target, offset, count, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw ProxyRequestException.Incomplete(what);
                }

                offset += n;
                count -= n;
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            int n = await _input.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
            _start = 0;
            _end = n;
            BytesRead += n;
            return n > 0;
        }
    }
}
