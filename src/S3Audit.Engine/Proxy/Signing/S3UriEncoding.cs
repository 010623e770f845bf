using System;
using System.Collections.Generic;
using System.Text;

namespace S3Audit.Engine.Proxy.Signing
{
    /// <summary>
    /// SigV4's URI encoding for S3 (RFC 3986 unreserved characters kept, every other byte as %XX in capitals, the path
    /// encoded once) and the percent-decoding that undoes whatever encoding a client chose on the wire.
    /// </summary>
    internal static class S3UriEncoding
    {
        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>Encodes <paramref name="text"/>; '/' is kept when <paramref name="keepSlash"/> (paths).</summary>
        public static string Encode(string text, bool keepSlash)
        {
            var output = new StringBuilder(text.Length + 16);
            foreach (byte b in Encoding.UTF8.GetBytes(text))
            {
                char c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/'))
                {
                    output.Append(c);
                }
                else
                {
                    output.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 15]);
                }
            }

            return output.ToString();
        }

        /// <summary>Decodes %XX sequences (a '+' stays a '+'); a malformed sequence is kept as it is.</summary>
        public static string Decode(string text)
        {
            if (text.IndexOf('%') < 0)
            {
                return text;
            }

            var bytes = new List<byte>(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        /// <summary>The query's name/value pairs, decoded, in their order on the wire (a name without '=' has an empty value).</summary>
        public static List<KeyValuePair<string, string>> ParseQuery(string rawQuery)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            string query = rawQuery.StartsWith("?", StringComparison.Ordinal) ? rawQuery.Substring(1) : rawQuery;
            foreach (string part in query.Split('&'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                int eq = part.IndexOf('=');
                string name = eq < 0 ? part : part.Substring(0, eq);
                string value = eq < 0 ? string.Empty : part.Substring(eq + 1);
                pairs.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
            }

            return pairs;
        }

        /// <summary>Pairs encoded and joined as a query string in the given order.</summary>
        public static string JoinQuery(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var text = new StringBuilder();
            foreach (KeyValuePair<string, string> pair in pairs)
            {
                if (text.Length > 0)
                {
                    text.Append('&');
                }

                text.Append(Encode(pair.Key, false)).Append('=').Append(Encode(pair.Value, false));
            }

            return text.ToString();
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c & ~0x20) - 'A' + 10;
    }
}
