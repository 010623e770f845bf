using System.IO.Compression;
using System.Text;
using S3Audit.Engine.Logs;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Issue 13, item 12: a file that is no log (binary, or text in no known format) is one "format not recognized"
/// report, not a malformed-record warning per line; a damaged log still gets its per-line warnings.
/// </summary>
public class NotALogTests : IDisposable
{
    private const string Good = "o b [20/Nov/2026:10:00:01 +0000] 10.0.0.1 req R1 REST.GET.OBJECT k \"GET /b/k HTTP/1.1\" 200 - 1 1 1 1 \"-\" \"ua\" -";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "s3audit-notalog-" + Guid.NewGuid().ToString("N"));

    public NotALogTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private static (List<S3AuditLogEntry> Entries, List<LogDiagnostic> Diagnostics, LogFileReader Reader) Read(byte[] bytes, LogReadOptions? options = null)
    {
        var diagnostics = new List<LogDiagnostic>();
        var entries = new List<S3AuditLogEntry>();
        var reader = new LogFileReader(new MemoryStream(bytes), "f", options ?? new LogReadOptions(), diagnostics.Add);
        while (reader.TryRead(out S3AuditLogEntry e))
        {
            entries.Add(e);
        }

        reader.Dispose();
        return (entries, diagnostics, reader);
    }

    /// <summary>A real binary: this test assembly (it has NUL bytes and newlines that make it "lines").</summary>
    private static byte[] Binary() => File.ReadAllBytes(typeof(NotALogTests).Assembly.Location).AsSpan(0, 64 * 1024).ToArray();

    [Fact]
    public void BinaryFileIsOneNotRecognizedDiagnosticAndNoLineIsParsed()
    {
        var (entries, diagnostics, reader) = Read(Binary());
        Assert.Empty(entries);
        LogDiagnostic d = Assert.Single(diagnostics);
        Assert.True(d.FormatNotRecognized);
        Assert.False(d.FileCorrupt);
        Assert.Contains("binary", d.Message);
        Assert.True(reader.NotRecognized);
        Assert.Equal(0, reader.RecordsRead);
    }

    [Fact]
    public void GzippedBinaryIsRecognizedAsBinaryAfterDecompression()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, true))
        {
            gz.Write(Binary());
        }

        var (entries, diagnostics, _) = Read(ms.ToArray());
        Assert.Empty(entries);
        Assert.True(Assert.Single(diagnostics).FormatNotRecognized);
    }

    [Fact]
    public void TextInNoKnownFormatStopsAfterTheRecognitionLimit()
    {
        string csv = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},name {i},2026-11-20\n"));
        var (entries, diagnostics, reader) = Read(Encoding.UTF8.GetBytes(csv));
        Assert.Empty(entries);
        LogDiagnostic d = Assert.Single(diagnostics);
        Assert.True(d.FormatNotRecognized);
        Assert.Contains($"not one of its first {LogFileReader.RecognitionLimit} records", d.Message);
        Assert.Contains("line 1: ", d.Message);
        Assert.Equal(LogFileReader.RecognitionLimit, reader.RecordsRead);
    }

    [Fact]
    public void ShortTextInNoKnownFormatIsOneDiagnostic()
    {
        var (entries, diagnostics, _) = Read(Encoding.UTF8.GetBytes("this is not a log line\nnor this\n"));
        Assert.Empty(entries);
        LogDiagnostic d = Assert.Single(diagnostics);
        Assert.True(d.FormatNotRecognized);
        Assert.Contains("none of its 2 records could be read", d.Message);
    }

    [Fact]
    public void UnknownJsonRecordsAreOneDiagnosticNamingWhy()
    {
        var (_, diagnostics, _) = Read(Encoding.UTF8.GetBytes("{\"hello\":\"world\"}\n{\"hello\":\"again\"}\n"));
        LogDiagnostic d = Assert.Single(diagnostics);
        Assert.True(d.FormatNotRecognized);
        Assert.Contains("not a known audit record", d.Message);
    }

    [Fact]
    public void ADamagedLogKeepsItsPerLineWarningsInOrder()
    {
        string text = "garbage one\ngarbage two\n" + Good + "\ngarbage four\n";
        var (entries, diagnostics, reader) = Read(Encoding.UTF8.GetBytes(text));
        Assert.Single(entries);
        Assert.False(reader.NotRecognized);
        Assert.Equal(new long[] { 1, 2, 4 }, diagnostics.Select(d => d.LineNumber));
        Assert.All(diagnostics, d => Assert.False(d.FormatNotRecognized));
        Assert.Equal(3, reader.Rejected);
    }

    [Fact]
    public void ALogWhoseRecordsAreAllFilteredOutIsStillALog()
    {
        var options = new LogReadOptions { Filter = new LogFilter { EndTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) }.Compile() };
        var (entries, diagnostics, reader) = Read(Encoding.UTF8.GetBytes(Good + "\n"), options);
        Assert.Empty(entries);
        Assert.Empty(diagnostics);
        Assert.True(reader.Recognized);
    }

    [Fact]
    public void AnEmptyFileIsNeitherALogNorAnError()
    {
        var (entries, diagnostics, reader) = Read(Array.Empty<byte>());
        Assert.Empty(entries);
        Assert.Empty(diagnostics);
        Assert.False(reader.NotRecognized);
    }

    [Fact]
    public async Task LocalBinaryFileIsOneErrorAndTheOtherFilesAreRead()
    {
        File.WriteAllBytes(Path.Combine(_dir, "a.bin"), Binary());
        File.WriteAllText(Path.Combine(_dir, "b.log"), Good + "\n");
        File.WriteAllText(Path.Combine(_dir, "c.csv"), "id,name\n1,x\n");
        var output = new CollectingOutput();
        await new LogEntryReader().RunAsync(new LogReadRequest { Paths = { _dir } }, output, CancellationToken.None);

        Assert.Single(output.OfType<S3AuditLogEntry>());
        Assert.Empty(output.Warnings);
        Assert.Equal(new[] { "LogFormatNotRecognized", "LogFormatNotRecognized" }, output.Errors.Select(e => e.ErrorId));
        Assert.Contains("a.bin", output.Errors[0].Message);
        Assert.Contains("c.csv", output.Errors[1].Message);
    }
}

/// <summary>Issue 13, item 12: arguments that can match nothing are an argument error, worded without .NET parameter names.</summary>
public class LogFilterArgumentTests
{
    [Fact]
    public void StartTimeAfterEndTimeIsAnArgumentError()
    {
        var filter = new LogFilter
        {
            StartTime = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
            EndTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var e = Assert.Throws<ArgumentException>(() => filter.Compile());
        Assert.Equal("StartTime 2026-02-01 00:00:00Z is after EndTime 2026-01-01 00:00:00Z: no entry can match. Swap them, or leave one out.", e.Message);
    }

    [Fact]
    public void EqualStartAndEndTimeIsAllowed()
    {
        var t = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        new LogFilter { StartTime = t, EndTime = t }.Compile();
    }

    [Fact]
    public void BadRemoteIpNamesTheValueNotADotNetParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => new LogFilter { RemoteIp = { "10.0.0.0/99" } }.Compile());
        Assert.DoesNotContain("(Parameter", e.Message);
        Assert.StartsWith("'10.0.0.0/99': the prefix length must be 0 to 32", e.Message);
    }
}
