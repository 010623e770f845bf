using S3Audit.Engine.Errors;
using S3Audit.Engine.Lake;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Lake.Tests;

/// <summary>
/// Scheduled runs: the manifest makes a second run over the same logs write nothing and a longer window write only what
/// is new; a cancelled run leaves no file behind; a run killed in its commit is finished by the next one. No entry twice,
/// none lost: DuckDB's count equals Measure's over all the logs every time.
/// </summary>
public class IncrementalExportTests
{
    private static async Task AssertLakeHoldsExactly(string lake, string logs)
    {
        using var db = LakeFixture.Open(lake);
        long measured = (await LakeFixture.MeasureAsync(LakeFixture.Read(logs))).Single().Requests;
        Assert.Equal(measured, LakeFixture.Scalar(db, "SELECT count(*) FROM s3audit_logs"));
        Assert.Equal(measured, LakeFixture.Scalar(db, "SELECT count(DISTINCT (request_id, source_file, line_number)) FROM s3audit_logs"));
    }

    [Fact]
    public async Task ASecondRunWritesNothingAndALongerWindowOnlyWhatIsNew()
    {
        string logs = LakeFixture.TempFolder("incr-logs");
        Corpus.Write(logs, hours: 6, linesPerHour: 200);
        string lake = LakeFixture.TempFolder("incr-lake");

        (LakeExportResult first, _) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        Assert.Equal(7, first.Summary.SourcesRead);
        Assert.True(first.Summary.Rows > 1200);

        (LakeExportResult again, _) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        Assert.Empty(again.Files);
        Assert.Equal(0, again.Summary.SourcesRead);
        Assert.Equal(7, again.Summary.SourcesSkipped);

        Corpus.Write(logs, hours: 4, linesPerHour: 200, firstHour: 6);
        (LakeExportResult longer, _) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        Assert.Equal(5, longer.Summary.SourcesRead);
        Assert.Equal(7, longer.Summary.SourcesSkipped);
        await AssertLakeHoldsExactly(lake, logs);
    }

    [Fact]
    public async Task AnAppendedLogFileIsReadOnFromWhereTheLastRunStopped()
    {
        string logs = LakeFixture.TempFolder("append-logs");
        string file = Path.Combine(logs, "ops.log");
        File.WriteAllLines(file, Enumerable.Range(0, 50).Select(i => Corpus.AccessLine(Corpus.Start.AddMinutes(i), i)));
        string lake = LakeFixture.TempFolder("append-lake");
        (LakeExportResult first, _) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        Assert.Equal(50, first.Summary.Rows);

        File.AppendAllLines(file, Enumerable.Range(50, 30).Select(i => Corpus.AccessLine(Corpus.Start.AddMinutes(i), i)));
        (LakeExportResult second, CollectingOutput output) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        Assert.Equal(30, second.Summary.Rows);
        Assert.Contains(output.Verbose, v => v.Contains("read on after record 50"));
        await AssertLakeHoldsExactly(lake, logs);
    }

    [Fact]
    public async Task ACancelledRunLeavesNoFileAndTheNextRunExportsEverythingOnce()
    {
        string logs = LakeFixture.TempFolder("cancel-logs");
        Corpus.Write(logs, hours: 8, linesPerHour: 300);
        string lake = LakeFixture.TempFolder("cancel-lake");
        var limits = new LakeWriteLimits { RowGroupRows = 200, MaxBufferedRows = 300 };
        using var cancel = new CancellationTokenSource();
        var output = new CancelOnVerbose(cancel, after: 3); // Ctrl+C once three log files were read and row groups written

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            using LakeExport export = await LakeExport.OpenAsync(LakeFixture.Request(lake, limits), null, new ParquetLakeWriterFactory(), output, cancel.Token);
            await export.ReadAsync(LakeFixture.Read(logs), null, output, cancel.Token);
            await export.CommitAsync(output, cancel.Token);
        });

        Assert.Empty(LakeFixture.ParquetFiles(lake));
        Assert.False(Directory.Exists(Path.Combine(lake, "_s3audit", "staging")));
        Assert.False(File.Exists(Path.Combine(lake, "_s3audit", "manifest.json")));

        (LakeExportResult next, _) = await LakeFixture.ExportAsync(LakeFixture.Request(lake, limits), LakeFixture.Read(logs));
        Assert.Equal(9, next.Summary.SourcesRead);
        await AssertLakeHoldsExactly(lake, logs);
    }

    [Fact]
    public async Task ARunKilledInItsCommitIsFinishedByTheNextRun()
    {
        string logs = LakeFixture.TempFolder("kill-logs");
        Corpus.Write(logs, hours: 30, linesPerHour: 50);
        string lake = LakeFixture.TempFolder("kill-lake");
        LakeExportRequest request = LakeFixture.Request(lake);
        var output = new CollectingOutput();
        var store = new FailingStore(new LocalLakeStore(request.Destination), failOnPublish: 2);
        var export = await LakeExport.OpenWithStoreAsync(request, store, new ParquetLakeWriterFactory(), output, CancellationToken.None);
        await export.ReadAsync(LakeFixture.Read(logs), null, output, CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => export.CommitAsync(output, CancellationToken.None));
        export.Dispose(); // the process ends: its lock goes, the journal stays

        Assert.True(File.Exists(Path.Combine(lake, "_s3audit", "commit.json")));
        Assert.False(File.Exists(Path.Combine(lake, "_s3audit", "manifest.json")));
        Assert.NotEmpty(LakeFixture.ParquetFiles(lake));

        (LakeExportResult next, CollectingOutput recovered) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        Assert.Contains(recovered.Warnings, w => w.Contains("Finishing the commit of export run"));
        Assert.Empty(next.Files); // every source was recorded by the finished commit
        Assert.False(File.Exists(Path.Combine(lake, "_s3audit", "commit.json")));
        await AssertLakeHoldsExactly(lake, logs);
    }

    [Fact]
    public async Task ASecondExportToTheSameLakeWaitsItsTurn()
    {
        string lake = LakeFixture.TempFolder("lock-lake");
        var output = new CollectingOutput();
        using LakeExport first = await LakeExport.OpenAsync(LakeFixture.Request(lake), null, new ParquetLakeWriterFactory(), output, CancellationToken.None);
        var e = await Assert.ThrowsAsync<AuditException>(() => LakeExport.OpenAsync(LakeFixture.Request(lake), null, new ParquetLakeWriterFactory(), output, CancellationToken.None));
        Assert.Equal("ExportInProgress", e.Error.ErrorId);
        Assert.Contains(lake, e.Message);
    }

    [Fact]
    public async Task ALakeKeepsOneSchemaAndADamagedManifestIsAnErrorNamingIt()
    {
        string lake = LakeFixture.TempFolder("schema-lake");
        await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(Path.Combine(LakeFixture.Examples, "minio")));
        var mismatch = await Assert.ThrowsAsync<AuditException>(() => LakeFixture.ExportAsync(LakeFixture.Request(lake, raw: true), LakeFixture.Read(LakeFixture.Examples)));
        Assert.Equal("ExportSchemaMismatch", mismatch.Error.ErrorId);

        File.WriteAllText(Path.Combine(lake, "_s3audit", "manifest.json"), "{ not json");
        var damaged = await Assert.ThrowsAsync<AuditException>(() => LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(LakeFixture.Examples)));
        Assert.Equal("ExportManifestInvalid", damaged.Error.ErrorId);
        Assert.Contains("manifest.json", damaged.Message);
    }

    [Fact]
    public async Task ACorruptFileIsAnErrorForThatFileAndTheExportGoesOn()
    {
        string logs = LakeFixture.TempFolder("corrupt-logs");
        Corpus.Write(logs, hours: 2, linesPerHour: 100);
        byte[] gzip = File.ReadAllBytes(Path.Combine(LakeFixture.Examples, "lyve", "S3-mybucket-2026-11-20-10-15-00.gz"));
        File.WriteAllBytes(Path.Combine(logs, "truncated.gz"), gzip.Take(gzip.Length - 12).ToArray());
        string lake = LakeFixture.TempFolder("corrupt-lake");
        (LakeExportResult result, CollectingOutput output) = await LakeFixture.ExportAsync(LakeFixture.Request(lake), LakeFixture.Read(logs));
        Assert.Contains(output.Errors, e => e.ErrorId == "LogFileCorrupt" && e.Message.Contains("truncated.gz"));
        Assert.True(result.Summary.Rows >= 300);
        await AssertLakeHoldsExactly(lake, logs);
    }

    /// <summary>Cancels the run when the reader has reported <c>after</c> files.</summary>
    private sealed class CancelOnVerbose : IAuditOutput
    {
        private readonly CancellationTokenSource _cancel;
        private readonly int _after;
        private int _files;

        public CancelOnVerbose(CancellationTokenSource cancel, int after)
        {
            _cancel = cancel;
            _after = after;
        }

        public void WriteObject(object item) { }
        public void WriteError(AuditError error) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(AuditProgress progress) { }

        public void WriteVerbose(string message)
        {
            if (message.Contains("records read") && Interlocked.Increment(ref _files) == _after)
            {
                _cancel.Cancel();
            }
        }
    }
}
