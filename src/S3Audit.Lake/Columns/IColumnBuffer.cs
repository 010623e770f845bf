using S3Audit.Engine.Lake;
using S3Audit.Lake.Format;

namespace S3Audit.Lake.Columns
{
    /// <summary>The values of one column for the row group being filled, kept in the form they are written in.</summary>
    internal interface IColumnBuffer
    {
        LakeColumn Column { get; }

        void Add(S3AuditLogEntry entry);

        /// <summary>Writes the values as one column chunk of <paramref name="rows"/> rows; returns its footer entry.</summary>
        ColumnChunk Write(ColumnChunkWriter writer, int rows);

        void Clear();
    }
}
