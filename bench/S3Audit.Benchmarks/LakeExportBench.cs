using S3Audit.Engine.Lake;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;
using S3Audit.Lake;

namespace S3Audit.Benchmarks;

/// <summary>Export-S3AuditLog's engine end to end: read, dedupe, partition, encode, commit, into a fresh local lake.</summary>
internal static class LakeExportBench
{
    /// <summary>Exports one file; returns rows and Parquet bytes written.</summary>
    public static (long Rows, long Bytes) Export(string path, string dir)
    {
        string lake = FreshLake(dir);
        using LakeExport export = LakeExport.OpenAsync(new LakeExportRequest(LakeDestination.Parse(lake, Path.GetFullPath)), null, new ParquetLakeWriterFactory(), new DiscardingOutput(), CancellationToken.None).GetAwaiter().GetResult();
        export.ReadAsync(new LogReadRequest { Paths = { path } }, null, new DiscardingOutput(), CancellationToken.None).GetAwaiter().GetResult();
        LakeExportResult result = export.CommitAsync(new DiscardingOutput(), CancellationToken.None).GetAwaiter().GetResult();
        return (result.Summary.Rows, result.Summary.Bytes);
    }

    /// <summary>Exports generated distinct lines (no disk read) through the parser and duplicate removal, as the reader does.</summary>
    public static (long Rows, long Bytes) ExportGenerated(long size, string dir)
    {
        string lake = FreshLake(dir);
        var dedupe = new RequestDeduplicator();
        using LakeExport export = LakeExport.OpenAsync(new LakeExportRequest(LakeDestination.Parse(lake, Path.GetFullPath)), null, new ParquetLakeWriterFactory(), new DiscardingOutput(), CancellationToken.None).GetAwaiter().GetResult();
        foreach (S3AuditLogEntry e in AuditLogParser.Parse(new GeneratedLogStream(size), "generated"))
        {
            if (!dedupe.IsDuplicate(e))
            {
                export.Add(e);
            }
        }

        LakeExportResult result = export.CommitAsync(new DiscardingOutput(), CancellationToken.None).GetAwaiter().GetResult();
        Directory.Delete(lake, recursive: true);
        return (result.Summary.Rows, result.Summary.Bytes);
    }

    private static string FreshLake(string dir)
    {
        string lake = Path.Combine(dir, "lake");
        if (Directory.Exists(lake))
        {
            Directory.Delete(lake, recursive: true);
        }

        return lake;
    }
}
