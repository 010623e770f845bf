using System;
using System.Runtime.CompilerServices;
using S3Audit.Engine.Lake;
using S3Audit.Lake.Format;

namespace S3Audit.Lake.Columns
{
    /// <summary>
    /// An optional UTF-8 string column (NULL for empty). Each row is held as the number of its value in the column's
    /// <see cref="Utf8ValueSet"/>. Written dictionary-encoded when values repeat (operation, bucket, requester, address,
    /// user agent ...: a dictionary page, then bit-packed value numbers), PLAIN when they mostly do not (keys, request
    /// ids): once more than half of a row group's first values are distinct, the rest are stored without looking them up.
    /// </summary>
    internal sealed class StringColumnBuffer : IColumnBuffer
    {
        // Readers hold a chunk's whole dictionary in memory: past this, PLAIN (parquet-mr and Arrow use the same limit).
        private const int MaxDictionaryBytes = 1 << 20;
        // Rows seen before a column of mostly distinct values stops being looked up.
        private const int TrialRows = 4096;
        private const int Null = -1;
        private const int RecentSize = 256;
        private readonly Func<S3AuditLogEntry, string?> _value;
        private readonly Utf8ValueSet _values = new Utf8ValueSet();
        // The parsers share one string object for a repeated field value: the last strings seen find their number
        // by reference, without encoding or hashing them (a direct-mapped cache, by object identity).
        private readonly string?[] _recentStrings = new string?[RecentSize];
        private readonly int[] _recentNumbers = new int[RecentSize];
        private int[] _rows = new int[1024];
        private int _count;
        private int _nulls;
        private bool _plain;

        public StringColumnBuffer(LakeColumn column)
        {
            Column = column;
            _value = column.TextOf!;
        }

        public LakeColumn Column { get; }

        public void Add(S3AuditLogEntry entry)
        {
            if (_count == _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
            }

            string? value = _value(entry);
            if (value == null)
            {
                _rows[_count++] = Null;
                _nulls++;
            }
            else
            {
                _rows[_count++] = _plain ? _values.Append(value) : Number(value);
            }
        }

        public ColumnChunk Write(ColumnChunkWriter writer, int rows)
        {
            ColumnChunk chunk = writer.Begin(rows);
            int present = _count - _nulls;
            if (!_plain && present > 0 && _values.Count <= present / 2 && _values.PlainBytes <= MaxDictionaryBytes)
            {
                WriteDictionary(writer, chunk);
            }
            else
            {
                WritePlain(writer, chunk);
            }

            chunk.Statistics = Statistics();
            return chunk;
        }

        public void Clear()
        {
            _values.Clear();
            Array.Clear(_recentStrings);
            _count = 0;
            _nulls = 0;
            _plain = false;
        }

        private int Number(string value)
        {
            int slot = RuntimeHelpers.GetHashCode(value) & (RecentSize - 1);
            if (ReferenceEquals(_recentStrings[slot], value))
            {
                return _recentNumbers[slot];
            }

            int number = _values.Add(value);
            _recentStrings[slot] = value;
            _recentNumbers[slot] = number;
            int present = _count - _nulls;
            if (present >= TrialRows && _values.Count > present / 2)
            {
                _plain = true;
                Array.Clear(_recentStrings);
            }

            return number;
        }

        private void WriteDictionary(ColumnChunkWriter writer, ColumnChunk chunk)
        {
            for (int i = 0; i < _values.Count; i++)
            {
                WritePlainValue(writer.Body, _values[i]);
            }

            writer.WriteDictionaryPage(chunk, _values.Count);
            int bitWidth = RleBitPackedHybrid.BitWidth(_values.Count - 1);
            int pageRows = Math.Max(8, PageScratch.PageBytes / bitWidth * 8);
            for (int start = 0; start < _count; start += pageRows)
            {
                ReadOnlySpan<int> page = _rows.AsSpan(start, Math.Min(pageRows, _count - start));
                WriteLevels(writer, page);
                Span<int> numbers = writer.Ints(page.Length);
                int n = 0;
                foreach (int row in page)
                {
                    if (row != Null)
                    {
                        numbers[n++] = row;
                    }
                }

                writer.Body.WriteByte((byte)bitWidth);
                RleBitPackedHybrid.Encode(numbers.Slice(0, n), bitWidth, writer.Body);
                writer.WriteDataPage(chunk, page.Length, ParquetEncoding.PlainDictionary);
            }
        }

        private void WritePlain(ColumnChunkWriter writer, ColumnChunk chunk)
        {
            int start = 0;
            while (start < _count)
            {
                // A page ends once its values reach PageBytes (a single longer value makes a page of its own).
                int end = start;
                long bytes = 0;
                while (end < _count && (end == start || bytes < PageScratch.PageBytes))
                {
                    bytes += _rows[end] == Null ? 0 : 4 + _values[_rows[end]].Length;
                    end++;
                }

                ReadOnlySpan<int> page = _rows.AsSpan(start, end - start);
                WriteLevels(writer, page);
                foreach (int row in page)
                {
                    if (row != Null)
                    {
                        WritePlainValue(writer.Body, _values[row]);
                    }
                }

                writer.WriteDataPage(chunk, page.Length, ParquetEncoding.Plain);
                start = end;
            }
        }

        /// <summary>The page's definition levels: 1 for a value, 0 for NULL.</summary>
        private static void WriteLevels(ColumnChunkWriter writer, ReadOnlySpan<int> page)
        {
            Span<int> levels = writer.Ints(page.Length);
            for (int i = 0; i < page.Length; i++)
            {
                levels[i] = page[i] == Null ? 0 : 1;
            }

            RleBitPackedHybrid.EncodeWithLength(levels, 1, writer.Body);
        }

        private static void WritePlainValue(ByteBuffer body, ReadOnlySpan<byte> value)
        {
            body.WriteInt32(value.Length);
            body.Write(value);
        }

        /// <summary>Min and max in unsigned byte order (Parquet's order for UTF-8 strings), over the distinct values.</summary>
        private ColumnStatistics Statistics()
        {
            var statistics = new ColumnStatistics { NullCount = _nulls };
            if (_values.Count > 0)
            {
                int min = 0, max = 0;
                for (int i = 1; i < _values.Count; i++)
                {
                    if (_values[i].SequenceCompareTo(_values[min]) < 0)
                    {
                        min = i;
                    }
                    else if (_values[i].SequenceCompareTo(_values[max]) > 0)
                    {
                        max = i;
                    }
                }

                statistics.Min = _values[min].ToArray();
                statistics.Max = _values[max].ToArray();
            }

            return statistics;
        }
    }
}
