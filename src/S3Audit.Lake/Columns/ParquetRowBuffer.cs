using System;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Lake;

namespace S3Audit.Lake.Columns
{
    /// <summary>The rows of one row group as the column buffers of <see cref="LakeSchema"/>'s columns.</summary>
    internal sealed class ParquetRowBuffer : ILakeRowBuffer
    {
        private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

        public ParquetRowBuffer(IReadOnlyList<LakeColumn> columns) => Columns = columns.Select(BufferOf).ToArray();

        public IColumnBuffer[] Columns { get; }

        public int Count { get; private set; }

        public void Add(S3AuditLogEntry entry)
        {
            foreach (IColumnBuffer column in Columns)
            {
                column.Add(entry);
            }

            Count++;
        }

        public void Clear()
        {
            foreach (IColumnBuffer column in Columns)
            {
                column.Clear();
            }

            Count = 0;
        }

        private static IColumnBuffer BufferOf(LakeColumn column)
        {
            switch (column.Type)
            {
                case LakeColumnType.Timestamp:
                    Func<S3AuditLogEntry, DateTime> time = column.TimeOf!;
                    return new FixedColumnBuffer<long>(column, e => Microseconds(time(e)));
                case LakeColumnType.String:
                    return new StringColumnBuffer(column);
                case LakeColumnType.Int32:
                    return new FixedColumnBuffer<int>(column, column.Int32Of!);
                case LakeColumnType.Int64:
                    return new FixedColumnBuffer<long>(column, column.Int64Of!);
                case LakeColumnType.Double:
                    return new FixedColumnBuffer<double>(column, column.DoubleOf!);
                default:
                    throw new NotSupportedException($"Column {column.Name}: type {column.Type} has no Parquet mapping.");
            }
        }

        /// <summary>Microseconds since 1970 (UTC), rounded down like the 100 ns ticks below them.</summary>
        private static long Microseconds(DateTime utc)
        {
            long ticks = utc.Ticks - UnixEpochTicks;
            return ticks >= 0 ? ticks / 10 : (ticks - 9) / 10;
        }
    }
}
