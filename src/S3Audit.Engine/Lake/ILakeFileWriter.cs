using System;
using System.Collections.Generic;
using System.IO;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// Creates Parquet files of log entries. Implemented by S3Audit.Lake (.NET 8, Parquet.Net), which the module loads
    /// on PowerShell 7 only; the engine depends on this interface alone.
    /// </summary>
    public interface ILakeFileWriterFactory
    {
        /// <summary>A writer that fills <paramref name="output"/> (writable, seekable) with one Parquet file.</summary>
        ILakeFileWriter Create(Stream output, LakeFileOptions options);
    }

    /// <summary>One Parquet file being written: row groups, then the footer on <see cref="Finish"/>. One thread at a time.</summary>
    public interface ILakeFileWriter : IDisposable
    {
        /// <summary>Writes <paramref name="count"/> entries from the start of <paramref name="rows"/> as one row group, columns as <see cref="LakeSchema"/> says.</summary>
        void WriteRowGroup(IReadOnlyList<S3AuditLogEntry> rows, int count);

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
