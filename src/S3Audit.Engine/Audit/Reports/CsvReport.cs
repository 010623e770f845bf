using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using S3Audit.Engine.IO;

namespace S3Audit.Engine.Audit.Reports
{
    /// <summary>The CSV report: one row per finding, the columns of S3AuditFinding (as Export-Csv -NoTypeInformation writes them), RFC 4180 quoting.</summary>
    public static class CsvReport
    {
        private static readonly PropertyInfo[] Columns = typeof(S3AuditFinding).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        /// <summary>The CSV text.</summary>
        public static string Format(IEnumerable<S3AuditFinding> findings)
        {
            var sb = new StringBuilder();
            sb.Append(string.Join(",", Columns.Select(c => Quote(c.Name)))).Append("\r\n");
            foreach (S3AuditFinding finding in findings)
            {
                sb.Append(string.Join(",", Columns.Select(c => Quote(Text(c.GetValue(finding)))))).Append("\r\n");
            }

            return sb.ToString();
        }

        /// <summary>Writes the report atomically (a temporary file renamed into place).</summary>
        public static void Write(string path, IEnumerable<S3AuditFinding> findings) => AtomicFile.WriteAllText(path, Format(findings));

        private static string Text(object? value) => value switch
        {
            null => string.Empty,
            DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        private static string Quote(string value) => "\"" + Defuse(value).Replace("\"", "\"\"") + "\"";

        // Object keys and policy text are chosen by whoever can write to the bucket: a cell that starts like a formula
        // would run in a spreadsheet, so it gets a leading apostrophe (OWASP's advice for CSV injection).
        private static string Defuse(string value) =>
            value.Length > 0 && "=+-@\t\r".IndexOf(value[0]) >= 0 ? "'" + value : value;
    }
}
