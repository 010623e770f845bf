using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace S3Audit.Engine.Text
{
    /// <summary>PowerShell-style wildcards (*, ?, [abc], [a-z]; ` escapes) matched case-insensitively, without System.Management.Automation.</summary>
    public sealed class Wildcard
    {
        private readonly Regex? _regex;
        private readonly string _literal;

        /// <summary>Compiles a pattern.</summary>
        public Wildcard(string pattern)
        {
            Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
            _literal = Unescape(pattern);
            if (ContainsWildcard(pattern))
            {
                _regex = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
            }
        }

        /// <summary>The pattern as given.</summary>
        public string Pattern { get; }

        /// <summary>True when <paramref name="value"/> matches.</summary>
        public bool IsMatch(string? value)
        {
            value ??= string.Empty;
            return _regex?.IsMatch(value) ?? string.Equals(_literal, value, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Compiles every pattern.</summary>
        public static Wildcard[] CompileAll(IEnumerable<string> patterns) => patterns.Select(p => new Wildcard(p)).ToArray();

        /// <summary>True when any of <paramref name="patterns"/> matches <paramref name="value"/>; false when there are none.</summary>
        public static bool AnyMatch(IReadOnlyList<Wildcard> patterns, string? value)
        {
            // A loop, not LINQ: log filters call this for every entry.
            for (int i = 0; i < patterns.Count; i++)
            {
                if (patterns[i].IsMatch(value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the text holds *, ? or [ that is not escaped with a backtick.</summary>
        public static bool ContainsWildcard(string? pattern)
        {
            if (string.IsNullOrEmpty(pattern))
            {
                return false;
            }

            for (int i = 0; i < pattern!.Length; i++)
            {
                char c = pattern[i];
                if (c == '`')
                {
                    i++;
                    continue;
                }

                if (c == '*' || c == '?' || c == '[')
                {
                    return true;
                }
            }

            return false;
        }

        private static string Unescape(string pattern)
        {
            var sb = new StringBuilder(pattern.Length);
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`' && i + 1 < pattern.Length)
                {
                    i++;
                }

                sb.Append(pattern[i]);
            }

            return sb.ToString();
        }

        private static string ToRegex(string pattern)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                switch (c)
                {
                    case '`' when i + 1 < pattern.Length:
                        sb.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*':
                        sb.Append(".*");
                        break;
                    case '?':
                        sb.Append('.');
                        break;
                    case '[':
                        int close = pattern.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            sb.Append(@"\[");
                            break;
                        }

                        string set = pattern.Substring(i + 1, close - i - 1).Replace(@"\", @"\\");
                        sb.Append('[').Append(set).Append(']');
                        i = close;
                        break;
                    default:
                        sb.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
