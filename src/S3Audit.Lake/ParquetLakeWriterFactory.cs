using System;
using S3Audit.Engine.Lake;

namespace S3Audit.Lake
{
    /// <summary>
    /// The engine's <see cref="ILakeFileWriterFactory"/>: Parquet files written by this assembly's own encoder for the
    /// lake's fixed schema (PLAIN and dictionary pages, Zstd/Snappy/Gzip); created by the cmdlet through PowerShell7Feature.
    /// </summary>
    public sealed class ParquetLakeWriterFactory : ILakeFileWriterFactory
    {
        /// <inheritdoc />
        public ILakeFileEncoder CreateEncoder(LakeFileOptions options)
        {
            // Numbers go to pages as they are in memory, and Parquet's are little-endian.
            if (!BitConverter.IsLittleEndian)
            {
                throw new PlatformNotSupportedException("The Parquet writer needs a little-endian machine.");
            }

            return new ParquetLakeEncoder(options);
        }
    }
}
