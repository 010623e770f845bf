using System;
using System.IO;

namespace S3Audit.Engine.Logs
{
    /// <summary>A read-only stream that first returns bytes already read from another stream, then the rest of it.</summary>
    internal sealed class PrefixedStream : ReadOnlyStream
    {
        private readonly byte[] _prefix;
        private int _offset;

        public PrefixedStream(byte[] prefix, Stream inner) : base(inner)
        {
            _prefix = prefix;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset < _prefix.Length)
            {
                int n = Math.Min(count, _prefix.Length - _offset);
                Buffer.BlockCopy(_prefix, _offset, buffer, offset, n);
                _offset += n;
                return n;
            }

            return Inner.Read(buffer, offset, count);
        }
    }
}
