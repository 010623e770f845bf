using S3Audit.Engine.Lake;
using S3Audit.Engine.Logs;

namespace S3Audit.Lake.Tests;

/// <summary>
/// The lake written from the sample logs of every format and from a generated corpus, read back by DuckDB through the
/// view Get-S3AuditLogTable writes: counts, sums and group-bys equal what Measure-S3AuditLog computes from the same input.
/// </summary>
public class LakeReadBackTests
{
    private static async Task AssertSameAsMeasure(string lake, LogReadRequest read)
    {
        using var db = LakeFixture.Open(lake);
        IReadOnlyList<S3AuditSummaryRow> all = await LakeFixture.MeasureAsync(read);
        Assert.Equal(all.Single().Requests, LakeFixture.Scalar(db, "SELECT count(*) FROM s3audit_logs"));
        Assert.Equal(all.Single().BytesSent, LakeFixture.Scalar(db, "SELECT sum(bytes_sent) FROM s3audit_logs"));
        Assert.Equal(await LakeFixture.MeasureAsync(read, S3AuditLogDimension.Operation), LakeFixture.Grouped(db, "coalesce(operation, '')"));
        Assert.Equal(await LakeFixture.MeasureAsync(read, S3AuditLogDimension.Requester), LakeFixture.Grouped(db, "coalesce(requester, '')"));
        Assert.Equal(await LakeFixture.MeasureAsync(read, S3AuditLogDimension.HttpStatus), LakeFixture.Grouped(db, "CAST(http_status AS VARCHAR)"));
        Assert.Equal(await LakeFixture.MeasureAsync(read, S3AuditLogDimension.Day), LakeFixture.Grouped(db, "strftime(make_date(year, month, day), '%Y-%m-%d')"));
        Assert.Equal(await LakeFixture.MeasureAsync(read, S3AuditLogDimension.Requester, S3AuditLogDimension.Day),
            LakeFixture.Grouped(db, "coalesce(requester, '') || ', ' || strftime(make_date(year, month, day), '%Y-%m-%d')"));
        Assert.Equal(await LakeFixture.MeasureAsync(read, S3AuditLogDimension.BucketName), LakeFixture.Grouped(db, "coalesce(bucket_name, '')"));
        // Each row sits in the partition of its own time (UTC).
        Assert.Equal(0, LakeFixture.Scalar(db, "SELECT count(*) FROM s3audit_logs WHERE CAST(epoch_us(\"time\") // 86400000000 AS BIGINT) <> CAST(epoch(make_date(year, month, day)) // 86400 AS BIGINT)"));
    }

    [Fact]
    public async Task TheSampleLogsOfEveryFormatReadBackAsMeasureCountsThem()
    {
        string lake = LakeFixture.TempFolder("examples");
        (LakeExportResult result, _) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(LakeFixture.Examples));

        Assert.Equal(8, result.Files.Select(f => f.Source).Distinct().Count());
        await AssertSameAsMeasure(lake, LakeFixture.Read(LakeFixture.Examples));
        using var db = LakeFixture.Open(lake);
        var sources = LakeFixture.Rows(db, "SELECT DISTINCT source FROM s3audit_logs ORDER BY source").Select(r => (string)r[0]!).ToList();
        Assert.Equal(new[] { "aws_access_log", "ceph_ops_log", "cloudtrail", "exoscale_data_events", "lyve_account_api", "lyve_console", "lyve_s3_audit", "minio_audit" }, sources);
        Assert.Equal(result.Summary.Rows, result.Files.Sum(f => f.Rows));
        Assert.All(result.Files, f => Assert.Equal(new FileInfo(f.Path).Length, f.Bytes));
    }

    [Fact]
    public async Task AGeneratedCorpusOverThreeDaysReadsBackWithManyRowGroupsAndFiles()
    {
        string logs = LakeFixture.TempFolder("corpus-logs");
        Corpus.Write(logs, hours: 30, linesPerHour: 400);
        string lake = LakeFixture.TempFolder("corpus-lake");
        var limits = new LakeWriteLimits { RowGroupRows = 1000, MaxBufferedRows = 1500, MaxFileBytes = 40_000 };
        (LakeExportResult result, var output) = await LakeFixture.ExportAsync(LakeFixture.Request(lake, limits), LakeFixture.Read(logs));

        await AssertSameAsMeasure(lake, LakeFixture.Read(logs));
        Assert.Equal(3, result.Files.Where(f => f.Source == S3AuditLogFormat.AwsAccessLog).Select(f => f.Partition).Distinct().Count());
        Assert.Contains(result.Files.GroupBy(f => f.Partition), g => g.Count() > 1);
        Assert.Contains(result.Files, f => f.RowGroups > 1);
        Assert.Contains(output.Warnings, w => w.Contains(", line 406: malformed record skipped"));
        using var db = LakeFixture.Open(lake);
        long maxRowGroup = LakeFixture.Scalar(db, $"SELECT max(row_group_num_rows) FROM parquet_metadata('{lake}/source=*/year=*/month=*/day=*/*.parquet')");
        Assert.InRange(maxRowGroup, 1, 1000);
        Assert.Equal(result.Files.Sum(f => f.RowGroups), LakeFixture.Scalar(db, $"SELECT count(DISTINCT (file_name, row_group_id)) FROM parquet_metadata('{lake}/source=*/year=*/month=*/day=*/*.parquet')"));
    }

    [Fact]
    public async Task TimeIsAnInt64MicrosecondUtcTimestampAndIntegersAreIntegers()
    {
        string lake = LakeFixture.TempFolder("schema");
        (LakeExportResult result, _) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(LakeFixture.Examples));
        using var db = LakeFixture.Open(lake);
        string file = result.Files[0].Path;
        var schema = LakeFixture.Rows(db, $"SELECT name, type, coalesce(logical_type, ''), coalesce(converted_type, '') FROM parquet_schema('{file}') WHERE name <> 'root'")
            .ToDictionary(r => (string)r[0]!, r => (Type: (string)r[1]!, Logical: (string)r[2]!, Converted: (string)r[3]!));

        Assert.Equal(LakeSchema.Columns(false).Select(c => c.Name), schema.Keys);
        Assert.Equal("INT64", schema["time"].Type);
        Assert.Contains("isAdjustedToUTC=1", schema["time"].Logical);
        Assert.Contains("MICROS", schema["time"].Logical);
        Assert.DoesNotContain(schema.Values, c => c.Type == "INT96");
        Assert.Equal("INT32", schema["http_status"].Type);
        Assert.Equal("INT64", schema["bytes_sent"].Type);
        Assert.Equal("INT64", schema["line_number"].Type);
        Assert.Equal("DOUBLE", schema["total_time_ms"].Type);
        Assert.Equal("BYTE_ARRAY", schema["request_id"].Type);
        Assert.Equal("ZSTD", (string)LakeFixture.Rows(db, $"SELECT DISTINCT compression FROM parquet_metadata('{file}')").Single()[0]!);

        // The microseconds survive: DuckDB's time equals the entry's, truncated to microseconds.
        S3AuditLogEntry first = AuditLogParser.Parse(File.OpenRead(Path.Combine(LakeFixture.Examples, "minio", "audit-2024.jsonl")), "audit-2024.jsonl").First();
        long expected = (first.Time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        Assert.Equal(expected, LakeFixture.Scalar(db, $"SELECT epoch_us(\"time\") FROM s3audit_logs WHERE request_id = '{first.RequestId}'"));
    }

    [Fact]
    public async Task RawRecordsAreAColumnOnlyWhenAskedForAndStayMasked()
    {
        string lake = LakeFixture.TempFolder("raw");
        await LakeFixture.ExportAsync(LakeFixture.Request(lake, raw: true), LakeFixture.Read(Path.Combine(LakeFixture.Examples, "minio")));
        using var db = LakeFixture.Open(lake);
        var raw = LakeFixture.Rows(db, "SELECT raw FROM s3audit_logs").Select(r => (string)r[0]!).ToList();
        Assert.NotEmpty(raw);
        Assert.All(raw, r => Assert.Contains("\"requestID\"", r));
        Assert.DoesNotContain(raw, r => r.Contains("IQoJb3JpZ2luX2VjEXAMPLETOKEN") || r.Contains("Signature=0a1b2c3d4e5f6071"));

        string plain = LakeFixture.TempFolder("noraw");
        await LakeFixture.ExportAsync(LakeFixture.Request(plain), LakeFixture.Read(Path.Combine(LakeFixture.Examples, "minio")));
        using var db2 = LakeFixture.Open(plain);
        Assert.DoesNotContain(LakeFixture.Rows(db2, "DESCRIBE s3audit_logs"), r => (string)r[0]! == "raw");
    }

    [Fact]
    public async Task AQueryForOneDayReadsOnlyThatDaysFiles()
    {
        string logs = LakeFixture.TempFolder("prune-logs");
        Corpus.Write(logs, hours: 30, linesPerHour: 100);
        string lake = LakeFixture.TempFolder("prune-lake");
        await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        const string OneDay = "SELECT count(*) FROM s3audit_logs WHERE year = 2026 AND month = 11 AND day = 21";
        long before;
        using (var db = LakeFixture.Open(lake))
        {
            before = LakeFixture.Scalar(db, OneDay);
        }

        var measured = await LakeFixture.MeasureAsync(LakeFixture.Read(logs), S3AuditLogDimension.Day);
        Assert.Equal(measured.Single(r => r.Group == "2026-11-21").Requests, before);

        // Every other day's file is now garbage: the one-day query never opens them, a query over everything does. (DuckDB
        // reads the footer of the first file the glob finds to learn the schema, so that one is left as it is.)
        List<string> files = LakeFixture.ParquetFiles(lake);
        List<string> others = files.Skip(1).Where(f => !f.Contains("day=21")).ToList();
        Assert.NotEmpty(others);
        foreach (string file in others)
        {
            File.WriteAllText(file, "not a parquet file");
        }

        using var pruned = LakeFixture.Open(lake);
        Assert.Equal(before, LakeFixture.Scalar(pruned, OneDay));
        Assert.ThrowsAny<Exception>(() => LakeFixture.Scalar(pruned, "SELECT count(*) FROM s3audit_logs"));
    }

    [Fact]
    public async Task TheExampleQueriesRunOnTheLakeAndAgreeWithMeasure()
    {
        string logs = LakeFixture.TempFolder("examples-logs");
        Corpus.Write(logs, hours: 26, linesPerHour: 50);
        string lake = LakeFixture.TempFolder("examples-lake");
        await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        var statements = Engine.Lake.Tables.LakeTableSql.Write(new Engine.Lake.Tables.LakeTableRequest { Engine = S3AuditQueryEngine.DuckDB, Location = lake, IncludeExamples = true });
        using var db = LakeFixture.Open(lake);
        List<List<object?[]>> answers = statements.Skip(1).Select(q => LakeFixture.Rows(db, q)).ToList();
        Assert.Equal(5, answers.Count);

        var bytesPerIp = await LakeFixture.MeasureAsync(LakeFixture.Read(logs), S3AuditLogDimension.RemoteIp);
        Assert.Equal(bytesPerIp.OrderByDescending(r => r.BytesSent).ThenBy(r => r.Group).Take(20).Select(r => (r.Group, r.BytesSent)),
            answers[3].Select(r => ((string)r[0]!, LakeFixture.Long(r[1]))).OrderByDescending(r => r.Item2).ThenBy(r => r.Item1));
        var perRequesterDay = await LakeFixture.MeasureAsync(LakeFixture.Read(logs), S3AuditLogDimension.Requester, S3AuditLogDimension.Day);
        Assert.Equal(perRequesterDay.Select(r => (r.Group, r.Requests, r.Errors)).OrderBy(r => r.Group, StringComparer.Ordinal),
            answers[4].Select(r => ($"{r[0] ?? ""}, {Convert.ToInt32(r[1]):0000}-{Convert.ToInt32(r[2]):00}-{Convert.ToInt32(r[3]):00}", LakeFixture.Long(r[4]), LakeFixture.Long(r[5]))).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.NotEmpty(answers[0]);
        Assert.NotEmpty(answers[1]);
        Assert.All(answers[0], r => Assert.True(LakeFixture.Long(r[2]) > 0));
    }
}
