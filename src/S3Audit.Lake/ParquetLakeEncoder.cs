using System.Collections.Generic;
using System.IO;
using S3Audit.Engine.Lake;
using S3Audit.Lake.Columns;
using S3Audit.Lake.Format;

namespace S3Audit.Lake
{
    /// <summary>The Parquet files and row buffers of one export run, sharing one <see cref="PageScratch"/>.</summary>
    internal sealed class ParquetLakeEncoder : ILakeFileEncoder
    {
        private readonly IReadOnlyList<LakeColumn> _columns;
        private readonly PageScratch _scratch;

        public ParquetLakeEncoder(LakeFileOptions options)
        {
            _columns = LakeSchema.Columns(options.IncludeRaw);
            _scratch = new PageScratch(options.Compression);
        }

        public ILakeRowBuffer CreateRowBuffer() => new ParquetRowBuffer(_columns);

        public ILakeFileWriter CreateFile(Stream output) => new ParquetLakeFileWriter(output, _columns, _scratch);

        public void Dispose() => _scratch.Dispose();
    }
}
