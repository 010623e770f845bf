using Parquet;
using Parquet.Schema;
using S3Audit.Engine.Lake;

namespace S3Audit.Lake.Tests;

/// <summary>
/// The lake's own encoder read by a second, independent Parquet implementation (Parquet.Net, .NET) beside DuckDB (C++):
/// every value of every column of files with several row groups, each codec, dictionary and PLAIN string pages. A file
/// that only one reader accepts would fail here or in <see cref="ParquetEncoderTests"/>.
/// </summary>
public class ParquetNetReadBackTests
{
    [Theory]
    [InlineData(S3AuditLogCompression.Zstd)]
    [InlineData(S3AuditLogCompression.Snappy)]
    [InlineData(S3AuditLogCompression.Gzip)]
    [InlineData(S3AuditLogCompression.None)]
    public async Task ParquetNetReadsEveryValueWithEachCodec(S3AuditLogCompression codec)
    {
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 25_000).Select(ParquetEncoderTests.Entry).ToList();
        string file = ParquetEncoderTests.Write(new LakeFileOptions { Compression = codec, IncludeRaw = true }, rows, 10_000);

        await AssertReadsBackAsync(file, rows, includeRaw: true, expectedRowGroups: 3);
    }

    [Fact]
    public async Task ParquetNetReadsAColumnThatSwitchesFromDictionaryToPlain()
    {
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 30_000).Select(n =>
        {
            S3AuditLogEntry e = ParquetEncoderTests.Entry(n);
            e.Requester = n < 5_000 ? (n % 2 == 0 ? "alice" : "bob") : "user-" + n;
            e.BucketName = "b" + n / 3;
            return e;
        }).ToList();
        string file = ParquetEncoderTests.Write(new LakeFileOptions(), rows, 30_000);

        await AssertReadsBackAsync(file, rows, includeRaw: false, expectedRowGroups: 1);
    }

    private static async Task AssertReadsBackAsync(string file, IReadOnlyList<S3AuditLogEntry> rows, bool includeRaw, int expectedRowGroups)
    {
        IReadOnlyList<LakeColumn> columns = LakeSchema.Columns(includeRaw);
        using FileStream stream = File.OpenRead(file);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
        DataField[] fields = reader.Schema.GetDataFields();
        Assert.Equal(columns.Select(c => c.Name), fields.Select(f => f.Name));
        Assert.Equal(expectedRowGroups, reader.RowGroupCount);

        int first = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            for (int c = 0; c < columns.Count; c++)
            {
                object?[] read = await ReadAsync(group, fields[c], columns[c].Type, count);
                for (int i = 0; i < count; i++)
                {
                    object? expected = ParquetEncoderTests.Expected(columns[c], rows[first + i]);
                    object? value = Normalize(read[i]);
                    if (!Equals(expected, value))
                    {
                        Assert.Fail($"Row {first + i}, column {columns[c].Name}: expected {ParquetEncoderTests.Show(expected)}, Parquet.Net read {ParquetEncoderTests.Show(value)}.");
                    }
                }
            }

            first += count;
        }

        Assert.Equal(rows.Count, first);
    }

    private static async Task<object?[]> ReadAsync(ParquetRowGroupReader group, DataField field, LakeColumnType type, int count)
    {
        switch (type)
        {
            case LakeColumnType.String:
                var text = new string[count];
                await group.ReadAsync(field, text.AsMemory(), null);
                return text;
            case LakeColumnType.Int32:
                return await ReadValuesAsync<int>(group, field, count);
            case LakeColumnType.Int64:
                return await ReadValuesAsync<long>(group, field, count);
            case LakeColumnType.Timestamp:
                return await ReadValuesAsync<DateTime>(group, field, count);
            default:
                return await ReadValuesAsync<double>(group, field, count);
        }
    }

    private static async Task<object?[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync<T>(field, nullable.AsMemory(), null);
            return nullable.Select(v => (object?)v).ToArray();
        }

        var values = new T[count];
        await group.ReadAsync<T>(field, values.AsMemory(), null);
        return values.Select(v => (object?)v).ToArray();
    }

    /// <summary>Timestamps as microseconds since 1970 (what the DuckDB test compares), everything else as read.</summary>
    private static object? Normalize(object? value) => value switch
    {
        DateTime t => (t.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10,
        DateTimeOffset t => (t.UtcDateTime - DateTime.UnixEpoch).Ticks / 10,
        _ => value,
    };
}
