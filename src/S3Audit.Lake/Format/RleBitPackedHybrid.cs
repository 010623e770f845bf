using System;

namespace S3Audit.Lake.Format
{
    /// <summary>
    /// Parquet's RLE/bit-packing hybrid encoding (definition levels, dictionary indexes): a value repeated at least
    /// eight times is one RLE run, anything else goes into bit-packed groups of eight values (LSB first), the last
    /// group padded with zeros, which readers ignore past the page's value count.
    /// </summary>
    internal static class RleBitPackedHybrid
    {
        private const int GroupSize = 8;

        /// <summary>Appends the runs of <paramref name="values"/>, each in 0 .. 2^<paramref name="bitWidth"/>-1 (bitWidth 1 to 32).</summary>
        public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
        {
            int i = 0;
            while (i < values.Length)
            {
                int run = RunLength(values, i, int.MaxValue);
                if (run >= GroupSize)
                {
                    WriteRleRun(values[i], run, bitWidth, output);
                    i += run;
                    continue;
                }

                // Bit-pack groups of eight until a long repeat starts at a group boundary.
                int start = i;
                int groups = 0;
                do
                {
                    i += GroupSize;
                    groups++;
                }
                while (i < values.Length && RunLength(values, i, GroupSize) < GroupSize);

                WriteBitPackedRun(values.Slice(start, Math.Min(i, values.Length) - start), groups, bitWidth, output);
            }
        }

        /// <summary>Appends Parquet V1 page definition levels: a 4-byte length, then the runs.</summary>
        public static void EncodeWithLength(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
        {
            int lengthAt = output.Length;
            output.WriteInt32(0);
            Encode(values, bitWidth, output);
            output.PatchInt32(lengthAt, output.Length - lengthAt - 4);
        }

        /// <summary>The bits needed for values up to <paramref name="max"/>; at least 1 (some readers mishandle 0).</summary>
        public static int BitWidth(int max)
        {
            int width = 1;
            while (width < 32 && (uint)max >> width != 0)
            {
                width++;
            }

            return width;
        }

        private static int RunLength(ReadOnlySpan<int> values, int start, int limit)
        {
            int value = values[start];
            int end = start + 1;
            while (end < values.Length && end - start < limit && values[end] == value)
            {
                end++;
            }

            return end - start;
        }

        private static void WriteRleRun(int value, int count, int bitWidth, ByteBuffer output)
        {
            output.WriteVarint((ulong)count << 1);
            for (int b = 0; b < bitWidth; b += 8)
            {
                output.WriteByte((byte)(value >> b));
            }
        }

        private static void WriteBitPackedRun(ReadOnlySpan<int> values, int groups, int bitWidth, ByteBuffer output)
        {
            output.WriteVarint((ulong)groups << 1 | 1);
            int bytes = groups * bitWidth;
            Span<byte> target = output.Reserve(bytes);
            ulong pending = 0;
            int pendingBits = 0;
            int at = 0;
            for (int k = 0; k < groups * GroupSize; k++)
            {
                uint value = k < values.Length ? (uint)values[k] : 0;
                pending |= (ulong)value << pendingBits;
                pendingBits += bitWidth;
                while (pendingBits >= 8)
                {
                    target[at++] = (byte)pending;
                    pending >>= 8;
                    pendingBits -= 8;
                }
            }

            output.Advance(bytes);
        }
    }
}
