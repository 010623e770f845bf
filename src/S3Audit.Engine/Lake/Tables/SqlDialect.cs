using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace S3Audit.Engine.Lake.Tables
{
    /// <summary>What differs between the engines' SQL: identifier quoting, column types, locations, names.</summary>
    internal sealed class SqlDialect
    {
        private static readonly Regex Identifier = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        private SqlDialect(S3AuditQueryEngine engine) => Engine = engine;

        public S3AuditQueryEngine Engine { get; }

        public static SqlDialect For(S3AuditQueryEngine engine) => new SqlDialect(engine);

        /// <summary>A quoted identifier: backticks for the Hive-DDL engines (Athena DDL, Spark), double quotes elsewhere.</summary>
        public string Quote(string name) => Engine == S3AuditQueryEngine.Spark ? "`" + name + "`" : "\"" + name + "\"";

        /// <summary>Athena's DDL is Hive's (backticks); its queries are Trino's (double quotes).</summary>
        public string QuoteDdl(string name) => Engine == S3AuditQueryEngine.Athena ? "`" + name + "`" : Quote(name);

        public string TypeOf(LakeColumnType type) => (Engine, type) switch
        {
            (S3AuditQueryEngine.Trino, LakeColumnType.Timestamp) => "timestamp(3)",
            (S3AuditQueryEngine.Trino, LakeColumnType.String) => "varchar",
            (S3AuditQueryEngine.Trino, LakeColumnType.Int32) => "integer",
            (_, LakeColumnType.Timestamp) => "timestamp",
            (_, LakeColumnType.String) => "string",
            (_, LakeColumnType.Int32) => "int",
            (_, LakeColumnType.Int64) => "bigint",
            (_, LakeColumnType.Double) => "double",
            _ => throw new NotSupportedException(type.ToString()),
        };

        /// <summary>A SQL string literal.</summary>
        public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

        /// <summary>
        /// The location with a trailing slash, in the form the engine reads: Athena only s3://; Spark prefers s3a:// for
        /// S3 (Hadoop's connector) and file: URIs for folders; Trino file: URIs for folders; DuckDB paths as they are.
        /// </summary>
        public string Location(string location)
        {
            string trimmed = location.Trim();
            bool s3 = trimmed.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase);
            if (!s3 && Engine == S3AuditQueryEngine.Athena)
            {
                throw new ArgumentException($"Athena reads tables from S3 only: give -Location as s3://bucket/prefix/, not '{location}'.");
            }

            string withSlash = trimmed.TrimEnd('/', '\\') + (s3 || !trimmed.Contains("\\") ? "/" : "\\");
            if (s3)
            {
                string rest = withSlash.Substring(withSlash.IndexOf("://", StringComparison.Ordinal) + 3);
                return (Engine == S3AuditQueryEngine.Spark ? "s3a://" : "s3://") + rest;
            }

            return Engine == S3AuditQueryEngine.Trino || Engine == S3AuditQueryEngine.Spark ? new Uri(withSlash).AbsoluteUri : withSlash;
        }

        /// <summary>The table name's parts, checked: plain identifiers only, so a name can never inject SQL.</summary>
        public static string[] NameParts(string name, int maxParts)
        {
            string[] parts = name.Split('.');
            if (parts.Length > maxParts || parts.Any(p => !Identifier.IsMatch(p)))
            {
                throw new ArgumentException($"'{name}' is not a table name this engine takes: up to {maxParts} dot-separated names of letters, digits and underscores.");
            }

            return parts;
        }
    }
}
