using System.IO;
using System.Text;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>
    /// Tells a text file from a binary one before it is parsed, so a binary file is one clear error and its bytes are
    /// never quoted in a message. Text is UTF-8 (with or without a BOM) or UTF-16/UTF-32 with a BOM.
    /// </summary>
    internal static class TextCheck
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Why <paramref name="bytes"/> is not text, or null when it is.</summary>
        public static string? WhyNotText(byte[] bytes)
        {
            if (HasUnicodeBom(bytes))
            {
                return null;
            }

            int nul = System.Array.IndexOf(bytes, (byte)0);
            if (nul >= 0)
            {
                return $"a NUL byte at offset {nul}";
            }

            try
            {
                StrictUtf8.GetString(bytes);
                return null;
            }
            catch (DecoderFallbackException e)
            {
                return $"bytes that are not UTF-8 at offset {e.Index}";
            }
        }

        /// <summary>The text, decoded by its BOM (UTF-8 without one).</summary>
        public static string Decode(byte[] bytes)
        {
            using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        private static bool HasUnicodeBom(byte[] b) =>
            (b.Length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) ||
            (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF);
    }
}
