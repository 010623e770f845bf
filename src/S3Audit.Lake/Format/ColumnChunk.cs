using System.Collections.Generic;

namespace S3Audit.Lake.Format
{
    /// <summary>Where one column chunk of a row group was written and what it holds: its entry in the file's footer.</summary>
    internal sealed class ColumnChunk
    {
        public ColumnChunk(long start, int rows, int codec)
        {
            Start = start;
            Rows = rows;
            Codec = codec;
        }

        /// <summary>The offset of its first page (the dictionary page when there is one).</summary>
        public long Start { get; }
        /// <summary>Values, nulls included.</summary>
        public int Rows { get; }
        /// <summary>The Parquet CompressionCodec number of its pages.</summary>
        public int Codec { get; }
        public long DataPageOffset { get; set; } = -1;
        public long? DictionaryPageOffset { get; set; }
        /// <summary>Page headers plus bodies before compression.</summary>
        public long UncompressedBytes { get; set; }
        /// <summary>Page headers plus bodies as written.</summary>
        public long CompressedBytes { get; set; }
        /// <summary>The Parquet Encoding numbers used by its pages.</summary>
        public SortedSet<int> Encodings { get; } = new SortedSet<int>();
        public ColumnStatistics Statistics { get; set; } = new ColumnStatistics();
    }

    /// <summary>A column chunk's statistics: min and max PLAIN-encoded (none when every value is null), and its nulls.</summary>
    internal sealed class ColumnStatistics
    {
        public byte[]? Min { get; set; }
        public byte[]? Max { get; set; }
        public long NullCount { get; set; }
        /// <summary>
        /// Numbers, whose order is the same signed order the deprecated min/max fields assume: those are written too,
        /// for old readers. Strings order by unsigned bytes, so they get min_value/max_value only.
        /// </summary>
        public bool SignedOrder { get; set; }
    }
}
