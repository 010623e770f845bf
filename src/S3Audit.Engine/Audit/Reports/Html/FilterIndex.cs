using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace S3Audit.Engine.Audit.Reports.Html
{
    /// <summary>
    /// What the report's script sorts and filters by, as JSON: per column the distinct values in sort order, and per
    /// table row the index of its value in each column. Sorting by a column is then sorting by that index.
    /// </summary>
    internal static class FilterIndex
    {
        /// <summary>The columns of the index, in the order of <see cref="Keys"/>; the table's sortable headers carry these numbers.</summary>
        public static readonly string[] Columns = { "Severity", "Target", "Bucket", "Check", "Rule", "Result", "Status", "First seen" };

        /// <summary>The columns offered as filters (all but First seen).</summary>
        private static readonly int[] Filterable = { 0, 1, 2, 3, 4, 5, 6 };

        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The JSON for <paramref name="findings"/> in table order, escaped for a script element.</summary>
        public static string Json(IReadOnlyList<S3AuditFinding> findings)
        {
            var keys = findings.Select(Keys).ToList();
            var values = new List<string>[Columns.Length];
            var positions = new Dictionary<string, int>[Columns.Length];
            for (int c = 0; c < Columns.Length; c++)
            {
                IEnumerable<Key> distinct = keys.Select(k => k[c]).GroupBy(k => k.Text, StringComparer.Ordinal).Select(g => g.First());
                values[c] = distinct.OrderBy(k => k.Rank).ThenBy(k => k.Folded, StringComparer.Ordinal).ThenBy(k => k.Text, StringComparer.Ordinal).Select(k => k.Text).ToList();
                positions[c] = values[c].Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
            }

            int[][] rows = keys.Select(k => Enumerable.Range(0, Columns.Length).Select(c => positions[c][k[c].Text]).ToArray()).ToArray();
            string json = JsonSerializer.Serialize(new { columns = Columns, filterable = Filterable, values, rows }, Options);
            return HtmlEncoding.ScriptJson(json);
        }

        /// <summary>A finding's value in each column, with what orders it: enums by their value, text ordinal without case first.</summary>
        private static Key[] Keys(S3AuditFinding f) => new[]
        {
            Enum(f.Severity.ToString(), (int)f.Severity),
            Text(f.Target),
            Text(f.BucketName),
            Text(f.Check),
            Text(f.Rule),
            Enum(f.Result.ToString(), (int)f.Result),
            Enum(f.Status.ToString(), (int)f.Status),
            Text(ReportFormat.Time(f.FirstSeen)),
        };

        private static Key Enum(string name, int value) => new Key(name, value, string.Empty);

        private static Key Text(string value) => new Key(value, 0, value.ToUpperInvariant());

        private sealed class Key
        {
            public Key(string text, int rank, string folded) => (Text, Rank, Folded) = (text, rank, folded);

            public string Text { get; }
            public int Rank { get; }
            public string Folded { get; }
        }
    }
}
