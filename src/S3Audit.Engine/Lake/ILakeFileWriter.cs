using System;
using System.IO;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// Creates Parquet files of log entries, and the row buffers they are written from. Implemented by S3Audit.Lake
    /// (.NET 8), which the module loads on PowerShell 7 only; the engine depends on these interfaces alone.
    /// </summary>
    public interface ILakeFileWriterFactory
    {
        /// <summary>The writing of one export run: its files and row buffers share the encoder's memory.</summary>
        ILakeFileEncoder CreateEncoder(LakeFileOptions options);
    }

    /// <summary>
    /// Creates the files and row buffers of one export run, which share its scratch memory (page buffers, compressor):
    /// however many files are open, that memory is there once. One thread at a time.
    /// </summary>
    public interface ILakeFileEncoder : IDisposable
    {
        /// <summary>An empty buffer of rows for one row group, columns as <see cref="LakeSchema"/> says.</summary>
        ILakeRowBuffer CreateRowBuffer();

        /// <summary>A writer that fills <paramref name="output"/> (writable) with one Parquet file.</summary>
        ILakeFileWriter CreateFile(Stream output);
    }

    /// <summary>
    /// The rows of one row group, held as columns (not as entry objects, so an entry is garbage as soon as it is
    /// added). One thread at a time; reused after <see cref="Clear"/>.
    /// </summary>
    public interface ILakeRowBuffer
    {
        /// <summary>Rows held.</summary>
        int Count { get; }

        /// <summary>Adds one entry as a row.</summary>
        void Add(S3AuditLogEntry entry);

        /// <summary>Empties the buffer, keeping its memory for the next row group.</summary>
        void Clear();
    }

    /// <summary>One Parquet file being written: row groups, then the footer on <see cref="Finish"/>. One thread at a time.</summary>
    public interface ILakeFileWriter : IDisposable
    {
        /// <summary>Writes the rows of <paramref name="rows"/> (a buffer of the same encoder) as one row group.</summary>
        void WriteRowGroup(ILakeRowBuffer rows);

        /// <summary>Writes the footer; the stream then holds a complete file.</summary>
        void Finish();
    }

    /// <summary>How to write each file.</summary>
    public sealed class LakeFileOptions
    {
        /// <summary>The compression codec.</summary>
        public S3AuditLogCompression Compression { get; set; } = S3AuditLogCompression.Zstd;
        /// <summary>Add the <see cref="LakeSchema.RawColumn"/> column.</summary>
        public bool IncludeRaw { get; set; }
    }
}
