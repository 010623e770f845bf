using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>A line diff of two policy documents, pretty-printed, for -WhatIf and -Verbose.</summary>
    public static class PolicyDiff
    {
        /// <summary>Lines prefixed "+ ", "- " or "  "; a null document is "(no policy)".</summary>
        public static string Describe(string? before, string? after)
        {
            string[] a = Pretty(before), b = Pretty(after);
            // Longest common subsequence: policies are small (20 KB at most on AWS).
            var lcs = new int[a.Length + 1, b.Length + 1];
            for (int i = a.Length - 1; i >= 0; i--)
            {
                for (int j = b.Length - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            var lines = new List<string>();
            int x = 0, y = 0;
            while (x < a.Length || y < b.Length)
            {
                if (x < a.Length && y < b.Length && a[x] == b[y])
                {
                    lines.Add("  " + a[x++]);
                    y++;
                }
                else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
                {
                    lines.Add("+ " + b[y++]);
                }
                else
                {
                    lines.Add("- " + a[x++]);
                }
            }

            return string.Join(Environment.NewLine, lines);
        }

        private static string[] Pretty(string? json)
        {
            if (json == null)
            {
                return new[] { "(no policy)" };
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(json);
                return JsonText.Write(writer => document.RootElement.WriteTo(writer)).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            }
            catch (JsonException)
            {
                return json.Split('\n');
            }
        }
    }
}
