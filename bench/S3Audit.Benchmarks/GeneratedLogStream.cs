using System.Text;

namespace S3Audit.Benchmarks;

/// <summary>A read-only stream of distinct access-log lines, generated on the fly up to a byte count (no disk).</summary>
internal sealed class GeneratedLogStream : Stream
{
    private readonly long _limit;
    private long _produced;
    private long _line;
    private byte[] _pending = Array.Empty<byte>();
    private int _offset;

    public GeneratedLogStream(long limit, long firstLine = 0)
    {
        _limit = limit;
        _line = firstLine;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int written = 0;
        while (written < count && _produced < _limit)
        {
            if (_offset == _pending.Length)
            {
                _pending = Encoding.ASCII.GetBytes(Data.AccessLine(_line++) + "\n");
                _offset = 0;
            }

            int n = Math.Min(count - written, _pending.Length - _offset);
            Buffer.BlockCopy(_pending, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
            _produced += n;
        }

        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
