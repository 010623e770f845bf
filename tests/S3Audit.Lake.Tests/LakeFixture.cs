using System.Data.Common;
using DuckDB.NET.Data;
using S3Audit.Engine.Lake;
using S3Audit.Engine.Lake.Tables;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.Lake;
using S3Audit.TestSupport;

namespace S3Audit.Lake.Tests;

/// <summary>Writes lakes with the export engine and reads them with DuckDB through the DDL Get-S3AuditLogTable writes.</summary>
internal static class LakeFixture
{
    public static string Examples => RepoPaths.Combine("examples", "logs");

    public static string TempFolder(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "s3audit-lake-tests", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(path);
        return path;
    }

    public static LakeExportRequest Request(string destination, LakeWriteLimits? limits = null, bool raw = false) =>
        new(LakeDestination.Parse(destination, Path.GetFullPath)) { Limits = limits ?? new LakeWriteLimits(), File = new LakeFileOptions { IncludeRaw = raw } };

    public static LogReadRequest Read(params string[] paths) => new() { Paths = paths.ToList(), Options = new LogReadOptions { IncludeRaw = true } };

    /// <summary>One full run: open, read every request, commit.</summary>
    public static async Task<(LakeExportResult Result, CollectingOutput Output)> ExportAsync(LakeExportRequest request, params LogReadRequest[] reads)
    {
        var output = new CollectingOutput();
        using LakeExport export = await LakeExport.OpenAsync(request, null, new ParquetLakeWriterFactory(), output, CancellationToken.None);
        foreach (LogReadRequest read in reads)
        {
            await export.ReadAsync(read, null, output, CancellationToken.None);
        }

        return (await export.CommitAsync(output, CancellationToken.None), output);
    }

    /// <summary>What Measure-S3AuditLog computes from the same input (same reader, same duplicate removal).</summary>
    public static async Task<IReadOnlyList<S3AuditSummaryRow>> MeasureAsync(LogReadRequest read, params S3AuditLogDimension[] groupBy)
    {
        var summarizer = new LogSummarizer(groupBy);
        var copy = new LogReadRequest { Paths = read.Paths, Options = new LogReadOptions { Format = read.Options.Format } };
        await new LogEntryReader().RunAsync(copy, e => { lock (summarizer) summarizer.Add(e); }, new CollectingOutput(), CancellationToken.None);
        return summarizer.GetSummary().Select(r => new S3AuditSummaryRow(r.Group, r.Requests, r.Errors, r.BytesSent)).OrderBy(r => r.Group, StringComparer.Ordinal).ToList();
    }

    /// <summary>A DuckDB connection with the lake's view created by the DDL Get-S3AuditLogTable writes for DuckDB.</summary>
    public static DuckDBConnection Open(string location, bool includeExamples = false)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (string statement in LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.DuckDB, Location = location, IncludeExamples = includeExamples }).Take(1))
        {
            Execute(connection, statement);
        }

        return connection;
    }

    public static void Execute(DbConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static List<object?[]> Rows(DbConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static long Scalar(DbConnection connection, string sql) => Long(Rows(connection, sql).Single()[0]);

    /// <summary>A number DuckDB returned (sums of BIGINT are HUGEINT, which arrives as a BigInteger).</summary>
    public static long Long(object? value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value);

    /// <summary>The lake's rows grouped by <paramref name="groupExpression"/> as (group, requests, errors, bytes), like Measure's rows.</summary>
    public static List<S3AuditSummaryRow> Grouped(DbConnection connection, string groupExpression) =>
        Rows(connection,
                $"SELECT {groupExpression} AS g, count(*), sum(CASE WHEN http_status >= 400 OR error_code IS NOT NULL THEN 1 ELSE 0 END), sum(bytes_sent) " +
                "FROM s3audit_logs GROUP BY g")
            .Select(r => new S3AuditSummaryRow((string)r[0]!, Long(r[1]), Long(r[2]), Long(r[3])))
            .OrderBy(r => r.Group, StringComparer.Ordinal)
            .ToList();

    public static List<string> ParquetFiles(string lake) =>
        Directory.EnumerateFiles(lake, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "_s3audit" + Path.DirectorySeparatorChar))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
}

/// <summary>One group's counts, comparable between Measure's rows and SQL results.</summary>
internal sealed record S3AuditSummaryRow(string Group, long Requests, long Errors, long BytesSent);
