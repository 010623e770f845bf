using System;
using System.IO;

namespace S3Audit.Engine.Logs
{
    /// <summary>The boilerplate of a forward-only read stream.</summary>
    internal abstract class ReadOnlyStream : Stream
    {
        /// <summary>Wraps <paramref name="inner"/>, which this stream owns and disposes.</summary>
        protected ReadOnlyStream(Stream inner) => Inner = inner;

        /// <summary>The wrapped stream.</summary>
        protected Stream Inner { get; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
