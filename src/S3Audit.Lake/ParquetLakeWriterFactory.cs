using System.IO;
using S3Audit.Engine.Lake;

namespace S3Audit.Lake
{
    /// <summary>The engine's <see cref="ILakeFileWriterFactory"/> on Parquet.Net; created by the cmdlet through PowerShell7Feature.</summary>
    public sealed class ParquetLakeWriterFactory : ILakeFileWriterFactory
    {
        /// <inheritdoc />
        public ILakeFileWriter Create(Stream output, LakeFileOptions options) => new ParquetLakeFileWriter(output, options);
    }
}
