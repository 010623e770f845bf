using System.Collections.Generic;
using S3Audit.Engine.Lake;

namespace S3Audit.Lake.Format
{
    /// <summary>
    /// The file footer (Thrift FileMetaData): the schema of <see cref="LakeSchema"/>'s columns, the row groups and their
    /// column chunks with statistics, key-value metadata, and a column order (TypeDefinedOrder) for every column, which
    /// tells readers that min_value/max_value of strings are in unsigned byte order.
    /// </summary>
    internal static class FooterWriter
    {
        public static void Write(ByteBuffer output, IReadOnlyList<LakeColumn> columns, IReadOnlyList<RowGroup> rowGroups, IReadOnlyDictionary<string, string> metadata, string createdBy)
        {
            var thrift = new ThriftCompactWriter(output);
            long rows = 0;
            foreach (RowGroup group in rowGroups)
            {
                rows += group.Rows;
            }

            thrift.BeginStruct();
            thrift.Field(1, 1);
            WriteSchema(thrift, columns);
            thrift.Field(3, rows);
            thrift.BeginListField(4, ThriftCompactWriter.ListOfStruct, rowGroups.Count);
            for (int i = 0; i < rowGroups.Count; i++)
            {
                WriteRowGroup(thrift, columns, rowGroups[i], (short)i);
            }

            thrift.BeginListField(5, ThriftCompactWriter.ListOfStruct, metadata.Count);
            foreach (KeyValuePair<string, string> pair in metadata)
            {
                thrift.BeginStruct();
                thrift.Field(1, pair.Key);
                thrift.Field(2, pair.Value);
                thrift.EndStruct();
            }

            thrift.Field(6, createdBy);
            thrift.BeginListField(7, ThriftCompactWriter.ListOfStruct, columns.Count);
            foreach (LakeColumn _ in columns)
            {
                thrift.BeginStruct();
                thrift.EmptyStructField(1);
                thrift.EndStruct();
            }

            thrift.EndStruct();
        }

        /// <summary>The Parquet physical type of a column.</summary>
        public static int PhysicalType(LakeColumn column) => column.Type switch
        {
            LakeColumnType.String => ParquetEncoding.ByteArray,
            LakeColumnType.Int32 => ParquetEncoding.Int32,
            LakeColumnType.Double => ParquetEncoding.Double,
            _ => ParquetEncoding.Int64,
        };

        private static void WriteSchema(ThriftCompactWriter thrift, IReadOnlyList<LakeColumn> columns)
        {
            thrift.BeginListField(2, ThriftCompactWriter.ListOfStruct, columns.Count + 1);
            thrift.BeginStruct();
            thrift.Field(4, "root");
            thrift.Field(5, columns.Count);
            thrift.EndStruct();
            foreach (LakeColumn column in columns)
            {
                thrift.BeginStruct();
                thrift.Field(1, PhysicalType(column));
                thrift.Field(3, column.Type == LakeColumnType.String ? ParquetEncoding.Optional : ParquetEncoding.Required);
                thrift.Field(4, column.Name);
                if (column.Type == LakeColumnType.String)
                {
                    thrift.Field(6, ParquetEncoding.Utf8);
                    thrift.BeginStructField(10);
                    thrift.EmptyStructField(1);
                    thrift.EndStruct();
                }
                else if (column.Type == LakeColumnType.Timestamp)
                {
                    // TIMESTAMP(isAdjustedToUTC = true, MICROS), and the converted type older readers know it by.
                    thrift.Field(6, ParquetEncoding.TimestampMicros);
                    thrift.BeginStructField(10);
                    thrift.BeginStructField(8);
                    thrift.Field(1, true);
                    thrift.BeginStructField(2);
                    thrift.EmptyStructField(2);
                    thrift.EndStruct();
                    thrift.EndStruct();
                    thrift.EndStruct();
                }

                thrift.EndStruct();
            }
        }

        private static void WriteRowGroup(ThriftCompactWriter thrift, IReadOnlyList<LakeColumn> columns, RowGroup group, short ordinal)
        {
            long uncompressed = 0, compressed = 0;
            foreach (ColumnChunk chunk in group.Chunks)
            {
                uncompressed += chunk.UncompressedBytes;
                compressed += chunk.CompressedBytes;
            }

            thrift.BeginStruct();
            thrift.BeginListField(1, ThriftCompactWriter.ListOfStruct, group.Chunks.Count);
            for (int c = 0; c < group.Chunks.Count; c++)
            {
                WriteColumnChunk(thrift, columns[c], group.Chunks[c]);
            }

            thrift.Field(2, uncompressed);
            thrift.Field(3, (long)group.Rows);
            thrift.Field(5, group.Chunks[0].Start);
            thrift.Field(6, compressed);
            thrift.Field(7, ordinal);
            thrift.EndStruct();
        }

        private static void WriteColumnChunk(ThriftCompactWriter thrift, LakeColumn column, ColumnChunk chunk)
        {
            thrift.BeginStruct();
            thrift.Field(2, chunk.Start);
            thrift.BeginStructField(3);
            thrift.Field(1, PhysicalType(column));
            thrift.BeginListField(2, ThriftCompactWriter.ListOfI32, chunk.Encodings.Count);
            foreach (int encoding in chunk.Encodings)
            {
                thrift.ListElement(encoding);
            }

            thrift.BeginListField(3, ThriftCompactWriter.ListOfBinary, 1);
            thrift.ListElement(column.Name);
            thrift.Field(4, chunk.Codec);
            thrift.Field(5, (long)chunk.Rows);
            thrift.Field(6, chunk.UncompressedBytes);
            thrift.Field(7, chunk.CompressedBytes);
            thrift.Field(9, chunk.DataPageOffset);
            if (chunk.DictionaryPageOffset.HasValue)
            {
                thrift.Field(11, chunk.DictionaryPageOffset.Value);
            }

            WriteStatistics(thrift, chunk.Statistics);
            thrift.EndStruct();
            thrift.EndStruct();
        }

        private static void WriteStatistics(ThriftCompactWriter thrift, ColumnStatistics statistics)
        {
            thrift.BeginStructField(12);
            if (statistics.SignedOrder && statistics.Min != null)
            {
                thrift.Field(1, statistics.Max!);
                thrift.Field(2, statistics.Min);
            }

            thrift.Field(3, statistics.NullCount);
            if (statistics.Min != null)
            {
                thrift.Field(5, statistics.Max!);
                thrift.Field(6, statistics.Min);
            }

            thrift.EndStruct();
        }
    }

    /// <summary>A written row group: its rows and one column chunk per column, in schema order.</summary>
    internal sealed class RowGroup
    {
        public RowGroup(int rows, IReadOnlyList<ColumnChunk> chunks)
        {
            Rows = rows;
            Chunks = chunks;
        }

        public int Rows { get; }
        public IReadOnlyList<ColumnChunk> Chunks { get; }
    }
}
