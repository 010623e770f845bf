using System.IO.Compression;
using System.Text;
using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Mutation tests over every parser: the example logs with bytes flipped, deleted, duplicated, quotes/braces/spaces
/// inserted and lines cut. Nothing may throw, and for one-record-per-line input every line is either parsed or
/// rejected (parsed + rejected = lines read).
/// </summary>
public class ParserFuzzTests
{
    private static readonly byte[] Interesting = Encoding.ASCII.GetBytes("\"{}[] -\\:,\n\r\t%0");

    public static IEnumerable<object[]> Seeds() =>
        LogSamples.ExampleFiles().SelectMany(f => Enumerable.Range(0, 40).Select(seed => new object[] { f[0], seed }));

    public static IEnumerable<object[]> FixtureSeeds() =>
        LogSamples.FixtureFiles().SelectMany(f => Enumerable.Range(0, 40).Select(seed => new object[] { f[0], seed }));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedInputNeverThrowsAndEveryLineIsAccountedFor(string relativePath, int seed) => Mutated(LogSamples.Examples, relativePath, seed);

    [Theory]
    [MemberData(nameof(FixtureSeeds))]
    public void MutatedRgwDeliveredLogNeverThrowsAndEveryLineIsAccountedFor(string relativePath, int seed) => Mutated(LogSamples.Fixtures, relativePath, seed);

    private static void Mutated(string root, string relativePath, int seed)
    {
        byte[] original = Decompressed(File.ReadAllBytes(Path.Combine(root, relativePath)));
        byte[] mutated = Mutate(original, new Random(seed * 7919 + relativePath.Length));

        var diagnostics = new List<LogDiagnostic>();
        using var reader = new LogFileReader(new MemoryStream(mutated), relativePath, new LogReadOptions(), diagnostics.Add);
        var entries = new List<S3AuditLogEntry>();
        while (reader.TryRead(out S3AuditLogEntry entry))
        {
            entries.Add(entry);
        }

        Assert.Equal(entries.Count, reader.Accepted);
        if (reader.NotRecognized)
        {
            // No record readable at all: one report for the file instead of one per record.
            Assert.Empty(entries);
            Assert.Single(diagnostics, d => d.FormatNotRecognized);
            Assert.DoesNotContain(diagnostics, d => !d.FormatNotRecognized && !d.FileCorrupt);
            return;
        }

        Assert.Equal(reader.Rejected, diagnostics.Count(d => !d.FileCorrupt));
        string[] lines = Encoding.UTF8.GetString(mutated).Split('\n').Select(l => l.Trim(' ', '\t', '\r')).Where(l => l.Length > 0).ToArray();
        // A line of JSON records back to back ({...}{...}) is several records.
        bool oneRecordPerLine = !reader.ReadAsDocument && !lines.Any(l => l == "{" || l.Contains("}{"));
        if (oneRecordPerLine)
        {
            Assert.Equal(lines.Length, reader.Accepted + reader.Filtered + reader.Rejected);
            Assert.Equal(lines.Length, reader.RecordsRead);
        }
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(12345);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 2)
            {
                bytes[0] = 0x1f;
                bytes[1] = 0x8b; // pretend gzip
            }

            var diagnostics = new List<LogDiagnostic>();
            List<S3AuditLogEntry> entries = LogSamples.ParseBytes(bytes, diagnostics);
            Assert.True(entries.Count + diagnostics.Count >= 0);
        }
    }

    private static byte[] Decompressed(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
        {
            return bytes;
        }

        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        int mutations = random.Next(1, 12);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 20)));
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    int len = Math.Min(bytes.Count - at, random.Next(1, 40));
                    bytes.InsertRange(at, bytes.GetRange(at, len));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at); // cut
                    break;
                default:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
            }
        }

        return bytes.ToArray();
    }
}
