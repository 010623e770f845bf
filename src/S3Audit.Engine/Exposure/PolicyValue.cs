using System;

namespace S3Audit.Engine.Exposure
{
    /// <summary>What AWS calls a "fixed value" in a policy: no wildcard (* or ?) and no policy variable (${...}).</summary>
    internal static class PolicyValue
    {
        /// <summary>Null when the value is fixed; otherwise why it is not.</summary>
        public static string? WhyNotFixed(string value)
        {
            if (value.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                return $"'{value}' holds a policy variable";
            }

            if (value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0)
            {
                return value == "*" ? "'*' is everyone" : $"'{value}' holds a wildcard";
            }

            return value.Length == 0 ? "the value is empty" : null;
        }

        /// <summary>IAM's pattern match for actions: case-insensitive, * for any run of characters and ? for one.</summary>
        public static bool ActionMatches(string pattern, string action) => Match(pattern, 0, action, 0);

        private static bool Match(string p, int i, string s, int j)
        {
            while (i < p.Length)
            {
                char c = p[i];
                if (c == '*')
                {
                    for (int k = j; k <= s.Length; k++)
                    {
                        if (Match(p, i + 1, s, k))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (j >= s.Length || (c != '?' && char.ToLowerInvariant(c) != char.ToLowerInvariant(s[j])))
                {
                    return false;
                }

                i++;
                j++;
            }

            return j == s.Length;
        }
    }
}
