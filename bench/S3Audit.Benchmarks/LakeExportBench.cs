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

    /// <summary>Reads one file as the export does (duplicate removal included) into a sink that drops the entries.</summary>
    public static void ReadOnly(string path) =>
        new LogEntryReader().RunAsync(new LogReadRequest { Paths = { path } }, _ => { }, new DiscardingOutput(), CancellationToken.None).GetAwaiter().GetResult();

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

    /// <summary>Rows/s of the encoder's stages on entries already parsed: filling row buffers, then writing them with each codec.</summary>
    public static IEnumerable<(string Stage, double Rate)> EncoderStages(IReadOnlyList<S3AuditLogEntry> entries, string dir)
    {
        const int GroupRows = 100_000;
        var sw = new System.Diagnostics.Stopwatch();
        foreach (S3AuditLogCompression codec in new[] { S3AuditLogCompression.None, S3AuditLogCompression.Zstd, S3AuditLogCompression.Snappy })
        {
            double fill = 0, write = 0;
            for (int round = 0; round < 3; round++)
            {
                using ILakeFileEncoder encoder = new ParquetLakeWriterFactory().CreateEncoder(new LakeFileOptions { Compression = codec });
                using var output = new FileStream(Path.Combine(dir, "stages.parquet"), FileMode.Create);
                using ILakeFileWriter file = encoder.CreateFile(output);
                ILakeRowBuffer rows = encoder.CreateRowBuffer();
                TimeSpan filling = TimeSpan.Zero, writing = TimeSpan.Zero;
                for (int start = 0; start < entries.Count; start += GroupRows)
                {
                    sw.Restart();
                    for (int i = start; i < Math.Min(entries.Count, start + GroupRows); i++)
                    {
                        rows.Add(entries[i]);
                    }

                    filling += sw.Elapsed;
                    sw.Restart();
                    file.WriteRowGroup(rows);
                    rows.Clear();
                    writing += sw.Elapsed;
                }

                file.Finish();
                fill = Math.Max(fill, entries.Count / filling.TotalSeconds);
                write = Math.Max(write, entries.Count / writing.TotalSeconds);
            }

            yield return ($"row buffers filled ({codec})", fill);
            yield return ($"row groups written ({codec})", write);
        }
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
