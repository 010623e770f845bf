using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using S3Audit.Engine.Lake;
using S3Audit.Lake.Columns;
using S3Audit.Lake.Format;

namespace S3Audit.Lake
{
    /// <summary>
    /// One Parquet file of log entries: the columns of <see cref="LakeSchema"/>, time as INT64 TIMESTAMP(MICROS, UTC)
    /// (never INT96), strings optional (NULL for empty), numbers required; format 1.0 data pages, as parquet-mr writes
    /// by default, which every engine reads.
    /// </summary>
    internal sealed class ParquetLakeFileWriter : ILakeFileWriter
    {
        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("PAR1");
        private static readonly string CreatedBy = "S3Audit version " + typeof(ParquetLakeFileWriter).Assembly.GetName().Version!.ToString(3);
        private static readonly Dictionary<string, string> Metadata = new Dictionary<string, string>
        {
            ["s3audit.schema_version"] = LakeSchema.Version.ToString(CultureInfo.InvariantCulture),
        };

        private readonly Stream _output;
        private readonly IReadOnlyList<LakeColumn> _columns;
        private readonly PageScratch _scratch;
        private readonly ColumnChunkWriter _pages;
        private readonly List<RowGroup> _rowGroups = new List<RowGroup>();
        private bool _finished;

        public ParquetLakeFileWriter(Stream output, IReadOnlyList<LakeColumn> columns, PageScratch scratch)
        {
            _output = output;
            _columns = columns;
            _scratch = scratch;
            _output.Write(Magic);
            _pages = new ColumnChunkWriter(output, scratch, Magic.Length);
        }

        public void WriteRowGroup(ILakeRowBuffer rows)
        {
            IColumnBuffer[] buffers = ((ParquetRowBuffer)rows).Columns;
            if (buffers.Length != _columns.Count)
            {
                throw new ArgumentException($"A row buffer of {buffers.Length} columns for a file of {_columns.Count}.", nameof(rows));
            }

            var chunks = new ColumnChunk[buffers.Length];
            for (int c = 0; c < buffers.Length; c++)
            {
                chunks[c] = buffers[c].Write(_pages, rows.Count);
            }

            _rowGroups.Add(new RowGroup(rows.Count, chunks));
        }

        public void Finish()
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            ByteBuffer footer = _scratch.Body;
            footer.Clear();
            FooterWriter.Write(footer, _columns, _rowGroups, Metadata, CreatedBy);
            int length = footer.Length;
            footer.WriteInt32(length);
            footer.Write(Magic);
            _output.Write(footer.Written);
            footer.Clear();
        }

        /// <summary>Nothing to release: the stream is the caller's, the scratch memory the encoder's. An unfinished file stays unfinished.</summary>
        public void Dispose()
        {
        }
    }
}
