using System.IO;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Counts the bytes read through it, so a download that ended short can be told from a complete one, and calls
    /// <see cref="BeforeRead"/> before each read (the idle timer of a download restarts there).
    /// </summary>
    internal sealed class CountingStream : ReadOnlyStream
    {
        private readonly Stream _inner;

        public CountingStream(Stream inner) => _inner = inner;

        /// <summary>Called before every read.</summary>
        public System.Action? BeforeRead { get; set; }

        /// <summary>Bytes read so far.</summary>
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BeforeRead?.Invoke();
            int n = _inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
