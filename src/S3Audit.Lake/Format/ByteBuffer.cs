using System;
using System.Buffers.Binary;

namespace S3Audit.Lake.Format
{
    /// <summary>A growable byte array written at its end, reused from one page or row group to the next.</summary>
    internal sealed class ByteBuffer
    {
        private byte[] _data;

        public ByteBuffer(int capacity = 1024) => _data = new byte[capacity];

        public int Length { get; private set; }

        public ReadOnlySpan<byte> Written => _data.AsSpan(0, Length);

        public Span<byte> Slice(int start, int length) => _data.AsSpan(start, length);

        public void Clear() => Length = 0;

        /// <summary>Room for <paramref name="count"/> more bytes at the end; <see cref="Advance"/> then counts what was used.</summary>
        public Span<byte> Reserve(int count)
        {
            if (_data.Length - Length < count)
            {
                Array.Resize(ref _data, Math.Max(checked(Length + count), _data.Length * 2));
            }

            return _data.AsSpan(Length);
        }

        public void Advance(int count) => Length += count;

        public void WriteByte(byte value)
        {
            Reserve(1)[0] = value;
            Length++;
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(Reserve(bytes.Length));
            Length += bytes.Length;
        }

        public void WriteInt32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
            Length += 4;
        }

        /// <summary>An unsigned LEB128 varint (Thrift's compact protocol, RLE run headers).</summary>
        public void WriteVarint(ulong value)
        {
            Span<byte> span = Reserve(10);
            int i = 0;
            while (value >= 0x80)
            {
                span[i++] = (byte)(value | 0x80);
                value >>= 7;
            }

            span[i++] = (byte)value;
            Length += i;
        }

        /// <summary>Overwrites four bytes already written (a length known only afterwards).</summary>
        public void PatchInt32(int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(offset, 4), value);
    }
}
