using System;
using System.IO;

namespace S3Audit.Lake.Format
{
    /// <summary>
    /// Writes the pages of one file's column chunks: each page body compressed, after its Thrift page header (format 1.0
    /// data pages). Pages are built in, and compressed with, the scratch memory of the export's <see cref="PageScratch"/>.
    /// </summary>
    internal sealed class ColumnChunkWriter
    {
        private readonly Stream _output;
        private readonly PageScratch _scratch;

        public ColumnChunkWriter(Stream output, PageScratch scratch, long position)
        {
            _output = output;
            _scratch = scratch;
            Position = position;
        }

        /// <summary>The file offset the next page starts at.</summary>
        public long Position { get; private set; }

        /// <summary>The body of the page being built; cleared by each Write*Page.</summary>
        public ByteBuffer Body => _scratch.Body;

        /// <summary>Scratch integers (definition levels, dictionary indexes) for one page; overwritten by the next call.</summary>
        public Span<int> Ints(int count) => _scratch.Ints(count);

        public ColumnChunk Begin(int rows) => new ColumnChunk(Position, rows, _scratch.Compressor.CodecId);

        /// <summary>Writes <see cref="Body"/> as the chunk's dictionary page of <paramref name="values"/> PLAIN values.</summary>
        public void WriteDictionaryPage(ColumnChunk chunk, int values)
        {
            chunk.DictionaryPageOffset = Position;
            WritePage(chunk, Body.Written, ParquetEncoding.DictionaryPage, values, ParquetEncoding.PlainDictionary);
            Body.Clear();
        }

        /// <summary>Writes <see cref="Body"/> (definition levels, then values) as a data page of <paramref name="rows"/> rows.</summary>
        public void WriteDataPage(ColumnChunk chunk, int rows, int encoding) => WriteDataPage(chunk, Body.Written, rows, encoding);

        /// <summary>Writes <paramref name="body"/> as a data page of <paramref name="rows"/> rows.</summary>
        public void WriteDataPage(ColumnChunk chunk, ReadOnlySpan<byte> body, int rows, int encoding)
        {
            if (chunk.DataPageOffset < 0)
            {
                chunk.DataPageOffset = Position;
            }

            WritePage(chunk, body, ParquetEncoding.DataPage, rows, encoding);
            Body.Clear();
        }

        private void WritePage(ColumnChunk chunk, ReadOnlySpan<byte> body, int pageType, int values, int encoding)
        {
            ReadOnlySpan<byte> compressed = _scratch.Compressor.Compress(body);
            ByteBuffer header = _scratch.Header;
            header.Clear();
            var thrift = new ThriftCompactWriter(header);
            thrift.BeginStruct();
            thrift.Field(1, pageType);
            thrift.Field(2, body.Length);
            thrift.Field(3, compressed.Length);
            if (pageType == ParquetEncoding.DictionaryPage)
            {
                thrift.BeginStructField(7);
                thrift.Field(1, values);
                thrift.Field(2, encoding);
                thrift.EndStruct();
            }
            else
            {
                thrift.BeginStructField(5);
                thrift.Field(1, values);
                thrift.Field(2, encoding);
                thrift.Field(3, ParquetEncoding.Rle);
                thrift.Field(4, ParquetEncoding.Rle);
                thrift.EndStruct();
            }

            thrift.EndStruct();
            _output.Write(header.Written);
            _output.Write(compressed);
            Position += header.Length + compressed.Length;
            chunk.UncompressedBytes += header.Length + body.Length;
            chunk.CompressedBytes += header.Length + compressed.Length;
            chunk.Encodings.Add(encoding);
            if (pageType == ParquetEncoding.DataPage)
            {
                chunk.Encodings.Add(ParquetEncoding.Rle);
            }
        }
    }
}
