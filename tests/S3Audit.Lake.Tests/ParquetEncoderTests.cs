using System.Data.Common;
using S3Audit.Engine.Lake;

namespace S3Audit.Lake.Tests;

/// <summary>
/// The Parquet encoder of S3Audit.Lake on its own, read back by DuckDB value by value: many row groups and pages,
/// dictionary and PLAIN string pages (and the switch between them), long, empty and non-ASCII strings, an all-NULL
/// column, number edge values, every codec; the footer's types, encodings, codecs and statistics as DuckDB reports them.
/// </summary>
public class ParquetEncoderTests
{
    private static readonly string[] Operations = { "GetObject", "PutObject", "DeleteObject", "HeadObject", "ListObjectsV2" };
    private static readonly string[] Keys = { "", "日本語/ファイル.txt", "ключ/файл", "emoji/😀🚀", "e\u0301/combining", "plain/key.log", "tab\tand\nnewline" };

    [Theory]
    [InlineData(S3AuditLogCompression.Zstd, "ZSTD")]
    [InlineData(S3AuditLogCompression.Snappy, "SNAPPY")]
    [InlineData(S3AuditLogCompression.Gzip, "GZIP")]
    [InlineData(S3AuditLogCompression.None, "UNCOMPRESSED")]
    public void EveryValueOfManyRowGroupsReadsBackWithEachCodec(S3AuditLogCompression codec, string duckDbName)
    {
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 25_000).Select(Entry).ToList();
        string file = Write(new LakeFileOptions { Compression = codec, IncludeRaw = true }, rows, 10_000);

        using var db = Open();
        AssertReadsBack(db, file, rows, includeRaw: true);
        Assert.Equal(3, LakeFixture.Scalar(db, $"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{file}')"));
        Assert.Equal(duckDbName, (string)LakeFixture.Rows(db, $"SELECT DISTINCT compression FROM parquet_metadata('{file}')").Single()[0]!);
    }

    [Fact]
    public void RowGroupsOfSeveralPagesWithA17BitDictionaryReadBack()
    {
        // 200,000 rows: INT64 columns span two 1 MB pages; bucket_name has 66,667 distinct values (17-bit indexes);
        // request_id is distinct (PLAIN, several pages); user_agent's 2,000 values of 1 KB exceed the 1 MB dictionary limit.
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 200_000).Select(n =>
        {
            S3AuditLogEntry e = Entry(n);
            e.BucketName = "b" + n / 3;
            e.UserAgent = new string((char)('a' + n % 26), 1000) + (n % 2000);
            return e;
        }).ToList();
        string file = Write(new LakeFileOptions(), rows, 200_000);

        using var db = Open();
        AssertReadsBack(db, file, rows, includeRaw: false);
        Dictionary<string, string> encodings = Encodings(db, file);
        Assert.Contains("PLAIN_DICTIONARY", encodings["bucket_name"]);
        Assert.Contains("PLAIN_DICTIONARY", encodings["operation"]);
        Assert.DoesNotContain("DICTIONARY", encodings["request_id"]);
        Assert.DoesNotContain("DICTIONARY", encodings["user_agent"]);
        Assert.Equal(66_667, LakeFixture.Scalar(db, $"SELECT count(DISTINCT bucket_name) FROM read_parquet('{file}')"));
    }

    [Fact]
    public void AColumnThatStopsRepeatingMidGroupSwitchesToPlainAndReadsBack()
    {
        // 5,000 rows of two values, then only new ones: past the trial rows the column is written PLAIN.
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 30_000).Select(n =>
        {
            S3AuditLogEntry e = Entry(n);
            e.Requester = n < 5_000 ? (n % 2 == 0 ? "alice" : "bob") : "user-" + n;
            return e;
        }).ToList();
        string file = Write(new LakeFileOptions(), rows, 30_000);

        using var db = Open();
        AssertReadsBack(db, file, rows, includeRaw: false);
        Assert.DoesNotContain("DICTIONARY", Encodings(db, file)["requester"]);
    }

    [Fact]
    public void LongEmptyAllNullAndUnicodeStringsReadBack()
    {
        // Raw values of 0.5 to 2.75 MB: single values longer than a page make pages of their own.
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 20).Select(n =>
        {
            S3AuditLogEntry e = Entry(n);
            e.Raw = n % 4 == 0 ? "" : string.Concat(Enumerable.Repeat("Ω≈ç√ ", (n % 5 + 1) * 50_000)) + n;
            return e;
        }).ToList();
        string file = Write(new LakeFileOptions { IncludeRaw = true }, rows, 20);

        using var db = Open();
        AssertReadsBack(db, file, rows, includeRaw: true);
        Assert.Equal(rows.Count, LakeFixture.Scalar(db, $"SELECT count(*) FROM read_parquet('{file}') WHERE access_key_id IS NULL"));
        Assert.Equal(5, LakeFixture.Scalar(db, $"SELECT count(*) FROM read_parquet('{file}') WHERE raw IS NULL"));
        Assert.Equal(rows.Count(e => e.Key == "emoji/😀🚀"), LakeFixture.Scalar(db, $"SELECT count(*) FROM read_parquet('{file}') WHERE key = 'emoji/😀🚀'"));
    }

    [Fact]
    public void NumberEdgeValuesAndTimesBefore1970ReadBack()
    {
        double[] doubles = { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -1.5e300 };
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 14).Select(n =>
        {
            S3AuditLogEntry e = Entry(n);
            e.Time = n % 2 == 0 ? new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(-n * 3) : new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(5)).AddTicks(n * 7);
            e.HttpStatus = n % 2 == 0 ? int.MinValue + n : int.MaxValue - n;
            e.BytesSent = n % 2 == 0 ? long.MinValue + n : long.MaxValue - n;
            e.TotalTimeMs = doubles[n % doubles.Length];
            return e;
        }).ToList();
        string file = Write(new LakeFileOptions(), rows, 14);

        using var db = Open();
        AssertReadsBack(db, file, rows, includeRaw: false);
    }

    [Fact]
    public void TheFooterHasTheLakesTypesAndStatistics()
    {
        List<S3AuditLogEntry> rows = Enumerable.Range(0, 1_000).Select(Entry).ToList();
        string file = Write(new LakeFileOptions(), rows, 1_000);

        using var db = Open();
        var schema = LakeFixture.Rows(db, $"SELECT name, type, repetition_type, coalesce(logical_type, ''), coalesce(converted_type, '') FROM parquet_schema('{file}') WHERE name <> 'root'")
            .ToDictionary(r => (string)r[0]!, r => (Type: (string)r[1]!, Repetition: (string)r[2]!, Logical: (string)r[3]!, Converted: (string)r[4]!));
        Assert.Equal(LakeSchema.Columns(false).Select(c => c.Name), schema.Keys);
        Assert.Equal(("INT64", "REQUIRED", "TIMESTAMP_MICROS"), (schema["time"].Type, schema["time"].Repetition, schema["time"].Converted));
        Assert.Contains("isAdjustedToUTC=1", schema["time"].Logical);
        Assert.Equal(("BYTE_ARRAY", "OPTIONAL", "UTF8"), (schema["key"].Type, schema["key"].Repetition, schema["key"].Converted));
        Assert.Equal(("INT32", "REQUIRED"), (schema["http_status"].Type, schema["http_status"].Repetition));
        Assert.Equal("DOUBLE", schema["total_time_ms"].Type);

        var statistics = LakeFixture.Rows(db, $"SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('{file}')")
            .ToDictionary(r => (string)r[0]!, r => (Min: (string?)r[1], Max: (string?)r[2], Nulls: LakeFixture.Long(r[3])));
        Assert.Equal((rows.Min(e => e.HttpStatus).ToString(), rows.Max(e => e.HttpStatus).ToString()), (statistics["http_status"].Min, statistics["http_status"].Max));
        Assert.Equal((rows.Min(e => e.LineNumber).ToString(), rows.Max(e => e.LineNumber).ToString()), (statistics["line_number"].Min, statistics["line_number"].Max));
        Assert.Equal((Operations.Min(StringComparer.Ordinal), Operations.Max(StringComparer.Ordinal)), (statistics["operation"].Min, statistics["operation"].Max));
        Assert.Equal(rows.Count(e => e.Requester.Length == 0), statistics["requester"].Nulls);
        Assert.Equal(rows.Count, statistics["access_key_id"].Nulls);
        Assert.Null(statistics["access_key_id"].Min);
        // Row-group pruning on the statistics: DuckDB skips what min/max rule out and still finds the rest.
        Assert.Equal(rows.Count(e => e.HttpStatus == 404), LakeFixture.Scalar(db, $"SELECT count(*) FROM read_parquet('{file}') WHERE http_status = 404"));
        Assert.Equal("1", (string)LakeFixture.Rows(db, $"SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 's3audit.schema_version'").Single()[0]!);
    }

    [Fact]
    public void ARowBufferReusedAfterClearHoldsOnlyTheNewRows()
    {
        List<S3AuditLogEntry> first = Enumerable.Range(0, 3_000).Select(Entry).ToList();
        List<S3AuditLogEntry> second = Enumerable.Range(3_000, 2_000).Select(n =>
        {
            S3AuditLogEntry e = Entry(n);
            e.Operation = "Other" + n % 3;
            return e;
        }).ToList();
        string file = Path.Combine(LakeFixture.TempFolder("encoder"), "reused.parquet");
        using (ILakeFileEncoder encoder = new ParquetLakeWriterFactory().CreateEncoder(new LakeFileOptions()))
        using (var stream = new FileStream(file, FileMode.CreateNew))
        using (ILakeFileWriter writer = encoder.CreateFile(stream))
        {
            ILakeRowBuffer buffer = encoder.CreateRowBuffer();
            foreach (List<S3AuditLogEntry> group in new[] { first, second })
            {
                group.ForEach(buffer.Add);
                writer.WriteRowGroup(buffer);
                buffer.Clear();
            }

            writer.Finish();
        }

        using var db = Open();
        AssertReadsBack(db, file, first.Concat(second).ToList(), includeRaw: false);
    }

    /// <summary>Row n: shared and fresh string objects (the parsers share repeated values), NULLs, non-ASCII keys.</summary>
    internal static S3AuditLogEntry Entry(int n) => new()
    {
        Time = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero).AddTicks(n * 12_345_679L),
        Source = S3AuditLogFormat.AwsAccessLog,
        Operation = Operations[n % Operations.Length],
        RawOperation = "REST." + Operations[n % Operations.Length].ToUpperInvariant(),
        BucketName = "bucket-" + n % 3,
        Key = Keys[n % Keys.Length] + (n % 11 == 0 ? "" : "/" + n),
        Requester = n % 4 == 0 ? "" : "arn:aws:iam::123456789012:user/u" + n % 7,
        RemoteIp = $"10.0.{n % 256}.{n % 13}",
        HttpStatus = new[] { 200, 204, 304, 403, 404, 503 }[n % 6],
        ErrorCode = n % 6 == 4 ? "NoSuchKey" : "",
        BytesSent = n * 1_000L,
        ObjectSize = n % 5 == 0 ? 0 : long.MaxValue - n,
        TotalTimeMs = n * 0.25,
        UserAgent = n % 9 == 0 ? "" : "aws-cli/2." + n % 4 + " Python/3.11 — ünïcödé",
        RequestId = $"{n:X8}-{n * 7919L:X12}",
        SourceFile = "s3://logs/2026-11-20-" + n / 5_000,
        LineNumber = n + 1,
        Raw = "raw line " + n,
    };

    internal static string Write(LakeFileOptions options, IReadOnlyList<S3AuditLogEntry> rows, int rowGroupRows)
    {
        string file = Path.Combine(LakeFixture.TempFolder("encoder"), "test.parquet");
        using ILakeFileEncoder encoder = new ParquetLakeWriterFactory().CreateEncoder(options);
        using var stream = new FileStream(file, FileMode.CreateNew);
        using ILakeFileWriter writer = encoder.CreateFile(stream);
        ILakeRowBuffer buffer = encoder.CreateRowBuffer();
        foreach (S3AuditLogEntry entry in rows)
        {
            buffer.Add(entry);
            if (buffer.Count == rowGroupRows)
            {
                writer.WriteRowGroup(buffer);
                buffer.Clear();
            }
        }

        if (buffer.Count > 0)
        {
            writer.WriteRowGroup(buffer);
        }

        writer.Finish();
        return file;
    }

    private static DuckDB.NET.Data.DuckDBConnection Open()
    {
        var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>Every column of every row equals the entry's value as <see cref="LakeSchema"/> maps it (rows in file order).</summary>
    private static void AssertReadsBack(DbConnection db, string file, IReadOnlyList<S3AuditLogEntry> rows, bool includeRaw)
    {
        IReadOnlyList<LakeColumn> columns = LakeSchema.Columns(includeRaw);
        string select = string.Join(", ", columns.Select(c => c.Type == LakeColumnType.Timestamp ? $"epoch_us(\"{c.Name}\")" : $"\"{c.Name}\""));
        List<object?[]> read = LakeFixture.Rows(db, $"SELECT {select} FROM read_parquet('{file}')");
        Assert.Equal(rows.Count, read.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                object? expected = Expected(columns[c], rows[r]);
                if (!Equals(expected, read[r][c]))
                {
                    Assert.Fail($"Row {r}, column {columns[c].Name}: expected {Show(expected)}, read {Show(read[r][c])}.");
                }
            }
        }
    }

    internal static object? Expected(LakeColumn column, S3AuditLogEntry entry) => column.Type switch
    {
        LakeColumnType.Timestamp => FloorMicroseconds((column.TimeOf!(entry) - DateTime.UnixEpoch).Ticks),
        LakeColumnType.String => column.TextOf!(entry),
        LakeColumnType.Int32 => column.Int32Of!(entry),
        LakeColumnType.Int64 => column.Int64Of!(entry),
        _ => column.DoubleOf!(entry),
    };

    private static long FloorMicroseconds(long ticks) => ticks / 10 - (ticks % 10 < 0 ? 1 : 0);

    internal static string Show(object? value) => value switch
    {
        null => "NULL",
        string s when s.Length > 60 => $"\"{s.Substring(0, 60)}...\" ({s.Length} chars)",
        string s => $"\"{s}\"",
        _ => $"{value} ({value.GetType().Name})",
    };

    private static Dictionary<string, string> Encodings(DbConnection db, string file) =>
        LakeFixture.Rows(db, $"SELECT path_in_schema, string_agg(DISTINCT encodings, ',') FROM parquet_metadata('{file}') GROUP BY path_in_schema")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
}
