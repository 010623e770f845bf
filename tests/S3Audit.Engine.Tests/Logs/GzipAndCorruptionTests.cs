using System.IO.Compression;
using System.Text;
using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>Gzip is detected by magic bytes, not by name; a corrupt or truncated gzip ends in a diagnostic after every entry before it.</summary>
public class GzipAndCorruptionTests
{
    private static string Lines(int count) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"o b [21/Nov/2026:12:00:{i % 60:00} +0000] 10.0.0.{i % 250} - REQ{i} REST.GET.OBJECT key{i} \"GET /b/key{i} HTTP/1.1\" 200 - 10 10 1 1 \"-\" \"ua\" -\n"));

    internal static byte[] Gzip(string text)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            gz.Write(bytes, 0, bytes.Length);
        }

        return ms.ToArray();
    }

    [Fact]
    public void GzipIsDetectedWithoutAGzName()
    {
        List<S3AuditLogEntry> entries = LogSamples.ParseBytes(Gzip(Lines(50)));
        Assert.Equal(50, entries.Count);
        Assert.Equal("key50", entries[^1].Key);
    }

    [Fact]
    public void TruncatedGzipReportsTheFileAfterTheEntriesBeforeTheCut()
    {
        byte[] full = Gzip(Lines(20000));
        byte[] cut = full.AsSpan(0, full.Length / 2).ToArray();
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.ParseBytes(cut, diagnostics);

        Assert.InRange(entries.Count, 1, 19999);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => "key" + i), entries.Select(e => e.Key));
        LogDiagnostic d = Assert.Single(diagnostics, x => x.FileCorrupt);
        Assert.Contains("ends early or is corrupt", d.Message);
    }

    [Fact]
    public void CorruptGzipBodyReportsTheFile()
    {
        byte[] bytes = Gzip(Lines(20000));
        for (int i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.ParseBytes(bytes, diagnostics);
        Assert.True(entries.Count < 20000);
        Assert.Contains(diagnostics, x => x.FileCorrupt);
    }

    [Fact]
    public void WithoutACallbackACorruptFileThrowsAfterItsEntries()
    {
        byte[] full = Gzip(Lines(20000));
        byte[] cut = full.AsSpan(0, full.Length / 2).ToArray();
        var seen = new List<S3AuditLogEntry>();
        Assert.Throws<InvalidDataException>(() =>
        {
            foreach (S3AuditLogEntry e in AuditLogParser.Parse(new MemoryStream(cut), "cut.gz"))
            {
                seen.Add(e);
            }
        });
        Assert.NotEmpty(seen);
    }
}
