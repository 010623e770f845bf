using System.Text;
using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Decompress-ahead: a LineReader over a ReadAheadStream (a second thread, line-aligned chunks with their line
/// breaks indexed or not) must hand out exactly what a LineReader over the plain stream does, errors included.
/// </summary>
public class ReadAheadTests
{
    private static List<(string Line, long Number, bool TooLong)> ReadAll(LineReader reader, bool skipBom = true)
    {
        var lines = new List<(string, long, bool)>();
        if (skipBom)
        {
            reader.SkipBom();
        }

        reader.Peek(4096);
        while (reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            lines.Add((Encoding.UTF8.GetString(line), reader.LineNumber, reader.LastLineTooLong));
        }

        return lines;
    }

    private static string RandomText(int seed, int lines)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        if (seed % 3 == 0)
        {
            text.Append('\uFEFF');
        }

        for (int i = 0; i < lines; i++)
        {
            // Mostly short lines, some empty, some longer than any chunk used below; LF or CRLF.
            int length = random.Next(10) switch { 0 => 0, 1 => random.Next(200, 900), _ => random.Next(1, 60) };
            text.Append(new string((char)('a' + i % 26), length)).Append(i);
            text.Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }

        if (seed % 2 == 0)
        {
            text.Append("last line without a break");
        }

        return text.ToString();
    }

    [Theory]
    [InlineData(16, 1, true)]
    [InlineData(64, 2, true)]
    [InlineData(100, 4, true)]
    [InlineData(4096, 3, true)]
    [InlineData(128 * 1024, 4, true)]
    [InlineData(16, 1, false)]
    [InlineData(100, 4, false)]
    [InlineData(4096, 3, false)]
    [InlineData(100, 2, null)]
    [InlineData(4096, 4, null)]
    public void LinesNumbersAndBreaksMatchThePlainReader(int chunkSize, int chunksAhead, bool? indexLineBreaks)
    {
        for (int seed = 0; seed < 12; seed++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(RandomText(seed, 400));
            using var plain = new LineReader(new MemoryStream(bytes));
            using var ahead = new LineReader(new ReadAheadStream(new MemoryStream(bytes), chunkSize, chunksAhead, indexLineBreaks));

            var expected = ReadAll(plain);
            var actual = ReadAll(ahead);

            Assert.True(expected.Count >= 400, $"seed {seed}: {expected.Count} lines");
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void AnErrorComesAfterEveryLineReadBeforeItWithItsOwnType()
    {
        string text = string.Concat(Enumerable.Range(1, 5000).Select(i => $"line {i}\n"));
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        foreach (Exception error in new Exception[] { new IOException("connection reset"), new InvalidDataException("gzip ends early") })
        {
            int cut = bytes.Length / 2;
            using var reader = new LineReader(new ReadAheadStream(new FailingStream(bytes, cut, error), 256, 2));
            var seen = new List<string>();
            Exception thrown = Assert.ThrowsAny<Exception>(() =>
            {
                while (reader.TryReadLine(out ReadOnlySpan<byte> line))
                {
                    seen.Add(Encoding.ASCII.GetString(line));
                }
            });

            Assert.Same(error.GetType(), thrown.GetType());
            Assert.Equal(error.Message, thrown.Message);
            int complete = text.Substring(0, cut).Count(c => c == '\n');
            Assert.Equal(Enumerable.Range(1, complete).Select(i => $"line {i}"), seen);
        }
    }

    [Fact]
    public void DisposingWhileTheReaderIsFarBehindStopsTheThreadAndDisposesTheInnerStream()
    {
        byte[] bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(1, 100_000).Select(i => $"line {i}\n")));
        var inner = new FailingStream(bytes, int.MaxValue, null);
        var stream = new ReadAheadStream(inner, 64, 2);
        using (var lines = new LineReader(stream))
        {
            Assert.True(lines.TryReadLine(out ReadOnlySpan<byte> first));
            Assert.Equal("line 1", Encoding.ASCII.GetString(first));
        }

        stream.Dispose();
        Assert.True(inner.Disposed);
        Assert.True(inner.Position < bytes.Length, "the producer stopped at the full queue instead of reading to the end");
    }

    [Fact]
    public void GzipEntriesAreTheSameWithAndWithoutASecondThread()
    {
        string text = string.Concat(Enumerable.Range(1, 30_000).Select(i =>
            $"o b [21/Nov/2026:12:{i / 60 % 60:00}:{i % 60:00} +0000] 10.0.{i % 200}.{i % 250} - REQ{i} REST.GET.OBJECT key{i} \"GET /b/key{i} HTTP/1.1\" 200 - {i} 10 1 1 \"-\" \"ua {i % 7}\" -\n"));
        byte[] gz = GzipAndCorruptionTests.Gzip(text);

        List<S3AuditLogEntry> ahead = Read(gz, decompressAhead: true);
        List<S3AuditLogEntry> inline = Read(gz, decompressAhead: false);

        Assert.Equal(30_000, ahead.Count);
        Assert.Equal(inline.Select(e => (e.Key, e.LineNumber, e.RemoteIp, e.BytesSent, e.UserAgent, e.Time)),
                     ahead.Select(e => (e.Key, e.LineNumber, e.RemoteIp, e.BytesSent, e.UserAgent, e.Time)));
    }

    private static List<S3AuditLogEntry> Read(byte[] bytes, bool decompressAhead)
    {
        var entries = new List<S3AuditLogEntry>();
        using var reader = new LogFileReader(new MemoryStream(bytes), "x.gz", new LogReadOptions(), null) { DecompressAhead = decompressAhead };
        while (reader.TryRead(out S3AuditLogEntry entry))
        {
            entries.Add(entry);
        }

        Assert.True(reader.Compressed);
        return entries;
    }

    /// <summary>Serves bytes in small reads and throws <paramref name="error"/> once <paramref name="failAt"/> bytes were served.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt, Exception? error) : Stream
    {
        private int _position;
        public bool Disposed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAt && error != null)
            {
                throw error;
            }

            int n = Math.Min(Math.Min(count, 37), Math.Min(bytes.Length, failAt) - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
