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
        public static string Text(string value) => Escape(value, TextSpecials, attribute: false);

        /// <summary>A value inside a double-quoted attribute: quotes escaped too.</summary>
        public static string Attribute(string value) => Escape(value, AttributeSpecials, attribute: true);

        /// <summary>
        /// JSON text to put between &lt;script type="application/json"&gt; and &lt;/script&gt;: &lt; &gt; &amp; and the
        /// JavaScript line separators U+2028/U+2029 become \u escapes. JSON syntax has none of these characters outside
        /// strings, so the result is the same JSON, and no "&lt;/script" or "&lt;!--" can end or change the element.
        /// </summary>
        public static string ScriptJson(string json)
        {
            if (json.IndexOfAny(ScriptSpecials) < 0)
            {
                return json;
            }

            var sb = new StringBuilder(json.Length + 64);
            foreach (char c in json)
            {
                switch (c)
                {
                    case '<': sb.Append("\\u003C"); break;
                    case '>': sb.Append("\\u003E"); break;
                    case '&': sb.Append("\\u0026"); break;
                    case '\u2028': sb.Append("\\u2028"); break;
                    case '\u2029': sb.Append("\\u2029"); break;
                    default: sb.Append(c); break;
                }
            }

            return sb.ToString();
        }

        private static string Escape(string value, char[] specials, bool attribute)
        {
            if (value.IndexOfAny(specials) < 0)
            {
                return value;
            }

            var sb = new StringBuilder(value.Length + 16);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '"' when attribute: sb.Append("&quot;"); break;
                    case '\'' when attribute: sb.Append("&#39;"); break;
                    default: sb.Append(c); break;
                }
            }

            return sb.ToString();
        }
    }
}
