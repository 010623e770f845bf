using System;
using System.Globalization;
using System.Text;

namespace S3Audit.Engine.Audit.Reports.Html
{
    /// <summary>
    /// Escaping for the three places the HTML report puts data: element text, a double-quoted attribute value, and
    /// JSON inside a script element. Bucket names, keys, user agents and error messages come from places an attacker
    /// can write to, so every value goes through one of these.
    /// </summary>
    internal static class HtmlEncoding
    {
        private static readonly char[] TextSpecials = { '&', '<', '>' };
        private static readonly char[] AttributeSpecials = { '&', '<', '>', '"', '\'' };
        private static readonly char[] ScriptSpecials = { '&', '<', '>', '\u2028', '\u2029' };

        /// <summary>Text between tags: &amp; &lt; &gt; escaped.</summary>
        public static string Text(string value) => Replace(value, TextSpecials, TextEscape);

        /// <summary>A value inside a double-quoted attribute: quotes escaped too.</summary>
        public static string Attribute(string value) => Replace(value, AttributeSpecials, c => c == '"' ? "&quot;" : c == '\'' ? "&#39;" : TextEscape(c));

        /// <summary>
        /// JSON text to put between &lt;script type="application/json"&gt; and &lt;/script&gt;: &lt; &gt; &amp; and the
        /// JavaScript line separators U+2028/U+2029 become \u escapes. JSON syntax has none of these characters outside
        /// strings, so the result is the same JSON, and no "&lt;/script" or "&lt;!--" can end or change the element.
        /// </summary>
        public static string ScriptJson(string json) => Replace(json, ScriptSpecials, c => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));

        private static string? TextEscape(char c) => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            _ => null,
        };

        /// <summary><paramref name="value"/> with each of <paramref name="specials"/> replaced by what <paramref name="escape"/> gives; unchanged (no copy) when it has none.</summary>
        private static string Replace(string value, char[] specials, Func<char, string?> escape)
        {
            if (value.IndexOfAny(specials) < 0)
            {
                return value;
            }

            var sb = new StringBuilder(value.Length + 16);
            foreach (char c in value)
            {
                string? replacement = Array.IndexOf(specials, c) < 0 ? null : escape(c);
                if (replacement == null)
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append(replacement);
                }
            }

            return sb.ToString();
        }
    }
}
