using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>
    /// A report path with date tokens, filled with the run's start time in UTC: {date} = 2026-11-21, {time} = 231500,
    /// {timestamp} = 20261121T231500Z. A relative path is relative to the configuration file's folder, so a scheduled
    /// task that starts in another directory writes to the same place.
    /// </summary>
    public sealed class OutputPathTemplate
    {
        private static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = "yyyy-MM-dd",
            ["time"] = "HHmmss",
            ["timestamp"] = "yyyyMMdd'T'HHmmss'Z'",
        };

        private OutputPathTemplate(string template, string baseDirectory)
        {
            Template = template;
            BaseDirectory = baseDirectory;
        }

        /// <summary>The path as written in the file.</summary>
        public string Template { get; }

        /// <summary>The folder relative paths start from.</summary>
        public string BaseDirectory { get; }

        /// <summary>The tokens a path may hold.</summary>
        public static IEnumerable<string> TokenNames => Formats.Keys;

        /// <summary>Parses a template; on an unknown or unclosed token returns null with the 0-based offset and the problem.</summary>
        public static OutputPathTemplate? TryParse(string template, string baseDirectory, out int errorOffset, out string? error)
        {
            errorOffset = -1;
            error = null;
            for (int i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
            {
                int close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    (errorOffset, error) = (i, "a '{' without its closing '}'; expected a token such as {date}");
                    return null;
                }

                string name = template.Substring(i + 1, close - i - 1);
                if (!Formats.ContainsKey(name))
                {
                    (errorOffset, error) = (i, $"unknown token '{{{name}}}'; expected one of: {{{string.Join("}, {", TokenNames)}}}");
                    return null;
                }
            }

            return new OutputPathTemplate(template, baseDirectory);
        }

        /// <summary>The full path for a run that started at <paramref name="runStart"/>.</summary>
        public string Resolve(DateTimeOffset runStart)
        {
            DateTimeOffset utc = runStart.ToUniversalTime();
            var sb = new StringBuilder(Template);
            foreach (KeyValuePair<string, string> token in Formats)
            {
                sb.Replace("{" + token.Key + "}", utc.ToString(token.Value, CultureInfo.InvariantCulture));
            }

            string path = sb.ToString();
            return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(BaseDirectory, path));
        }
    }
}
