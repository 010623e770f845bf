using S3Audit.Engine.Proxy.Streaming;

namespace S3Audit.Engine.Tests.Proxy;

/// <summary>The trailer checksums the gateway checks: the catalogue's check values, and eight bytes a step agreeing
/// with a bit-by-bit reference at every length and offset.</summary>
public class ReflectedCrcTests
{
    [Theory]
    [InlineData("crc32", 0xCBF43926UL)]
    [InlineData("crc32c", 0xE3069283UL)]
    [InlineData("crc64nvme", 0xAE8B14860A799888UL)]
    public void CheckValueOf123456789(string name, ulong check)
    {
        ReflectedCrc crc = Of(name);
        byte[] data = "123456789"u8.ToArray();
        Assert.Equal(check, crc.Final(crc.Update(crc.Initial, data, 0, data.Length)));
    }

    [Theory]
    [InlineData("crc32", 0xEDB88320UL, 32)]
    [InlineData("crc32c", 0x82F63B78UL, 32)]
    [InlineData("crc64nvme", 0x9A6C9329AC4BC9B5UL, 64)]
    public void EveryLengthAndOffsetAgreesWithABitwiseReference(string name, ulong polynomial, int width)
    {
        ReflectedCrc crc = Of(name);
        var random = new Random(7);
        byte[] data = new byte[300];
        random.NextBytes(data);
        for (int offset = 0; offset < 9; offset++)
        {
            for (int count = 0; offset + count <= data.Length; count += count < 40 ? 1 : 37)
            {
                // Split in two calls too: the state carries over between chunks of an upload.
                int half = count / 3;
                ulong state = crc.Update(crc.Initial, data, offset, half);
                state = crc.Update(state, data, offset + half, count - half);
                Assert.Equal(Bitwise(polynomial, width, data, offset, count), crc.Final(state));
            }
        }
    }

    private static ReflectedCrc Of(string name) => name switch
    {
        "crc32" => ReflectedCrc.Crc32,
        "crc32c" => ReflectedCrc.Crc32C,
        _ => ReflectedCrc.Crc64Nvme,
    };

    private static ulong Bitwise(ulong polynomial, int width, byte[] data, int offset, int count)
    {
        ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        ulong crc = mask;
        for (int i = offset; i < offset + count; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
            }
        }

        return (crc ^ mask) & mask;
    }
}
