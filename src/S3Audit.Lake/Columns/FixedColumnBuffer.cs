using System;
using System.Numerics;
using System.Runtime.InteropServices;
using S3Audit.Engine.Lake;
using S3Audit.Lake.Format;

namespace S3Audit.Lake.Columns
{
    /// <summary>
    /// A required column of fixed-width numbers (INT32, INT64, DOUBLE, and time as INT64 microseconds), PLAIN-encoded:
    /// the little-endian values are the page body as they are, without a copy.
    /// </summary>
    internal sealed class FixedColumnBuffer<T> : IColumnBuffer where T : unmanaged, INumber<T>
    {
        private readonly Func<S3AuditLogEntry, T> _value;
        private T[] _values = new T[1024];
        private int _count;

        public FixedColumnBuffer(LakeColumn column, Func<S3AuditLogEntry, T> value)
        {
            Column = column;
            _value = value;
        }

        public LakeColumn Column { get; }

        public void Add(S3AuditLogEntry entry)
        {
            if (_count == _values.Length)
            {
                Array.Resize(ref _values, _values.Length * 2);
            }

            _values[_count++] = _value(entry);
        }

        public ColumnChunk Write(ColumnChunkWriter writer, int rows)
        {
            ColumnChunk chunk = writer.Begin(rows);
            int pageRows = PageScratch.PageBytes / Marshal.SizeOf<T>();
            for (int start = 0; start < _count; start += pageRows)
            {
                ReadOnlySpan<T> page = _values.AsSpan(start, Math.Min(pageRows, _count - start));
                writer.WriteDataPage(chunk, MemoryMarshal.AsBytes(page), page.Length, ParquetEncoding.Plain);
            }

            chunk.Statistics = Statistics();
            return chunk;
        }

        public void Clear() => _count = 0;

        private ColumnStatistics Statistics()
        {
            var statistics = new ColumnStatistics { SignedOrder = true };
            bool any = false;
            T min = T.Zero, max = T.Zero;
            foreach (T value in _values.AsSpan(0, _count))
            {
                // NaN has no place in an order: Parquet's rules leave it out of min and max.
                if (T.IsNaN(value))
                {
                    continue;
                }

                if (!any || value < min)
                {
                    min = value;
                }

                if (!any || value > max)
                {
                    max = value;
                }

                any = true;
            }

            if (any)
            {
                // Parquet's rule for floating point: a zero minimum is written as -0.0, a zero maximum as +0.0.
                statistics.Min = Plain(T.IsZero(min) ? -T.Zero : min);
                statistics.Max = Plain(T.IsZero(max) ? T.Zero : max);
            }

            return statistics;
        }

        private static byte[] Plain(T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();
    }
}
