using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>Reading local files: folders, duplicates, filters, warnings (first N, then a count), corrupt files as errors.</summary>
public class LogEntryReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "s3audit-logs-" + Guid.NewGuid().ToString("N"));

    public LogEntryReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private static string Line(int i, string requestId, string key = "k", int status = 200, string ip = "10.0.0.1") =>
        $"o b [20/Nov/2026:10:{i / 60 % 60:00}:{i % 60:00} +0000] {ip} req {requestId} REST.GET.OBJECT {key} \"GET /b/{key} HTTP/1.1\" {status} - 1 1 1 1 \"-\" \"ua\" -";

    private static async Task<CollectingOutput> Run(LogReadRequest request)
    {
        var output = new CollectingOutput();
        await new LogEntryReader().RunAsync(request, output, CancellationToken.None);
        return output;
    }

    [Fact]
    public async Task ExamplesFolderReadsEveryFormat()
    {
        CollectingOutput output = await Run(new LogReadRequest { Paths = { LogSamples.Examples } });
        Assert.Empty(output.Errors);
        Assert.Empty(output.Warnings);
        var formats = output.OfType<S3AuditLogEntry>().Select(e => e.Source).Distinct().ToHashSet();
        foreach (S3AuditLogFormat f in Enum.GetValues<S3AuditLogFormat>().Where(f => f != S3AuditLogFormat.Auto))
        {
            Assert.Contains(f, formats);
        }
    }

    [Fact]
    public async Task DuplicatesAreRemovedButMultiObjectDeleteRecordsAreKept()
    {
        File.WriteAllLines(Path.Combine(_dir, "a"), new[] { Line(1, "R1"), Line(2, "R2") });
        File.WriteAllLines(Path.Combine(_dir, "b"), new[] { Line(1, "R1"), Line(3, "R3"), Line(4, "R4", "x"), Line(4, "R4", "y") });

        CollectingOutput deduped = await Run(new LogReadRequest { Paths = { _dir } });
        Assert.Equal(5, deduped.OfType<S3AuditLogEntry>().Count);
        Assert.Equal(2, deduped.OfType<S3AuditLogEntry>().Count(e => e.RequestId == "R4"));

        CollectingOutput kept = await Run(new LogReadRequest { Paths = { _dir }, KeepDuplicates = true });
        Assert.Equal(6, kept.OfType<S3AuditLogEntry>().Count);
    }

    [Fact]
    public async Task FiltersRunBeforeEntriesExist()
    {
        File.WriteAllLines(Path.Combine(_dir, "a"), Enumerable.Range(0, 200).Select(i =>
            Line(i, "R" + i, i % 10 == 0 ? "secret/" + i : "pub/" + i, i % 7 == 0 ? 403 : 200, i % 2 == 0 ? "192.168.1." + (i % 250) : "2001:db8::" + i)));
        var filter = new LogFilter
        {
            Key = { "secret/*" }, RemoteIp = { "192.168.0.0/16" }, ErrorsOnly = true,
            StartTime = new DateTimeOffset(2026, 11, 20, 10, 0, 10, TimeSpan.Zero),
        };

        CollectingOutput output = await Run(new LogReadRequest { Paths = { _dir }, Options = new LogReadOptions { Filter = filter } });
        int[] expected = Enumerable.Range(0, 200).Where(i => i % 10 == 0 && i % 7 == 0 && i % 2 == 0 && i >= 10).ToArray();
        Assert.Equal(expected.Select(i => "secret/" + i), output.OfType<S3AuditLogEntry>().Select(e => e.Key).OrderBy(k => int.Parse(k[7..])));
        Assert.Contains(output.Verbose, v => v.Contains("200 records read") && v.Contains($"{expected.Length} kept"));
    }

    [Fact]
    public async Task WarningsNameFileAndLineThenOnlyCount()
    {
        File.WriteAllLines(Path.Combine(_dir, "bad"), Enumerable.Range(1, 30).Select(i => i % 2 == 0 ? "garbage line " + i : Line(i, "R" + i)));
        CollectingOutput output = await Run(new LogReadRequest { Paths = { _dir }, MaxWarnings = 5 });
        Assert.Equal(15, output.OfType<S3AuditLogEntry>().Count);
        Assert.Equal(6, output.Warnings.Count);
        Assert.Contains("bad, line 2:", output.Warnings[0]);
        Assert.Contains("10 more malformed records", output.Warnings[^1]);
    }

    [Fact]
    public async Task CorruptGzipIsAnErrorAfterItsEntriesAndTheRunGoesOn()
    {
        byte[] gz = GzipAndCorruptionTests.Gzip(string.Join("\n", Enumerable.Range(0, 20000).Select(i => Line(i, "R" + i))) + "\n");
        File.WriteAllBytes(Path.Combine(_dir, "cut"), gz.AsSpan(0, gz.Length / 2).ToArray());
        File.WriteAllLines(Path.Combine(_dir, "fine"), new[] { Line(1, "OK1") });

        CollectingOutput output = await Run(new LogReadRequest { Paths = { _dir } });
        var error = Assert.Single(output.Errors);
        Assert.Equal("LogFileCorrupt", error.ErrorId);
        Assert.Contains("cut", error.Message);
        Assert.Contains(output.OfType<S3AuditLogEntry>(), e => e.RequestId == "OK1");
        Assert.True(output.OfType<S3AuditLogEntry>().Count > 1000);
    }

    [Fact]
    public async Task MissingPathIsAnError()
    {
        CollectingOutput output = await Run(new LogReadRequest { Paths = { Path.Combine(_dir, "nope") } });
        Assert.Equal("LogPathNotFound", Assert.Single(output.Errors).ErrorId);
    }
}
