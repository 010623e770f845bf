using System;
using System.Security.Cryptography;
using System.Text;

namespace S3Audit.Engine.Proxy.Signing
{
    /// <summary>The hashing pieces of AWS Signature Version 4: SHA-256, HMAC, the signing key and lowercase hex.</summary>
    internal static class SigV4Math
    {
        public const string Algorithm = "AWS4-HMAC-SHA256";

        /// <summary>SHA-256 of no bytes, in hex (the hash of an empty chunk or body).</summary>
        public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        public static byte[] Sha256(byte[] data)
        {
            using SHA256 sha = SHA256.Create();
            return sha.ComputeHash(data);
        }

        public static string Sha256Hex(string text) => Hex(Sha256(Encoding.UTF8.GetBytes(text)));

        public static byte[] Hmac(byte[] key, string text)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
        public static byte[] SigningKey(string secretKey, string date, string region, string service)
        {
            byte[] kDate = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
            byte[] kRegion = Hmac(kDate, region);
            byte[] kService = Hmac(kRegion, service);
            return Hmac(kService, "aws4_request");
        }

        public static string Hex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        /// <summary>Compares two signatures in time that does not depend on where they differ.</summary>
        public static bool FixedTimeEquals(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < a.Length; i++)
            {
                diff |= char.ToLowerInvariant(a[i]) ^ char.ToLowerInvariant(b[i]);
            }

            return diff == 0;
        }
    }
}
