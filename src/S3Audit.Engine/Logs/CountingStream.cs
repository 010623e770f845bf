using System.IO;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Counts the bytes read through it, so a download that ended short can be told from a complete one, and calls
    /// <see cref="BeforeRead"/> before each read (the idle timer of a download restarts there).
    /// </summary>
    internal sealed class CountingStream : ReadOnlyStream
    {
        public CountingStream(Stream inner) : base(inner)
        {
        }

        /// <summary>Called before every read.</summary>
        public System.Action? BeforeRead { get; set; }

        /// <summary>Bytes read so far.</summary>
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BeforeRead?.Invoke();
            int n = Inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }
    }
}
