using System;
using S3Audit.Engine.Lake;

namespace S3Audit.Lake.Format
{
    /// <summary>The memory pages are built and compressed in: one per export run, shared by all its open files. One thread at a time.</summary>
    internal sealed class PageScratch : IDisposable
    {
        /// <summary>Page bodies are cut at about this size before compression (engines read pages of about 1 MB best).</summary>
        public const int PageBytes = 1 << 20;
        private int[] _ints = new int[1024];

        public PageScratch(S3AuditLogCompression compression) => Compressor = new PageCompressor(compression);

        public PageCompressor Compressor { get; }

        /// <summary>The body of the page being built.</summary>
        public ByteBuffer Body { get; } = new ByteBuffer(PageBytes + PageBytes / 8);

        /// <summary>The page header being written.</summary>
        public ByteBuffer Header { get; } = new ByteBuffer(64);

        /// <summary>Scratch integers for one page; overwritten by the next call.</summary>
        public Span<int> Ints(int count)
        {
            if (_ints.Length < count)
            {
                _ints = new int[Math.Max(count, _ints.Length * 2)];
            }

            return _ints.AsSpan(0, count);
        }

        public void Dispose() => Compressor.Dispose();
    }
}
