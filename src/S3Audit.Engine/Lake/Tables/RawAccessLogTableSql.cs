using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace S3Audit.Engine.Lake.Tables
{
    /// <summary>
    /// AWS's documented Athena table for raw S3 server access logs (RegexSerDe, every column as AWS lists it, date partition
    /// projection over the PartitionedPrefix key layout account/region/bucket/YYYY/MM/DD/), and the same on Trino's Hive
    /// connector. AWS's regex takes quoted fields up to the next quote, so lines whose User-Agent, Referer or Request-URI hold
    /// a raw quote parse wrongly; the exported lake does not have that problem.
    /// </summary>
    internal static class RawAccessLogTableSql
    {
        private static readonly (string Name, string Type)[] Columns =
        {
            ("bucketowner", "string"), ("bucket_name", "string"), ("requestdatetime", "string"), ("remoteip", "string"),
            ("requester", "string"), ("requestid", "string"), ("operation", "string"), ("key", "string"),
            ("request_uri", "string"), ("httpstatus", "string"), ("errorcode", "string"), ("bytessent", "bigint"),
            ("objectsize", "bigint"), ("totaltime", "string"), ("turnaroundtime", "string"), ("referrer", "string"),
            ("useragent", "string"), ("versionid", "string"), ("hostid", "string"), ("sigv", "string"),
            ("ciphersuite", "string"), ("authtype", "string"), ("endpoint", "string"), ("tlsversion", "string"),
            ("accesspointarn", "string"), ("aclrequired", "string"),
        };

        // AWS's documented regex: 18 fields, then 8 optional ones (hostid ... aclrequired), anything after ignored.
        private const string Regex =
            "([^ ]*) ([^ ]*) \\[(.*?)\\] ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) (\"[^\"]*\"|-) (-|[0-9]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) (\"[^\"]*\"|-) ([^ ]*)" +
            "(?: ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*))?.*$";

        public static IEnumerable<string> Write(SqlDialect sql, string table, string location) => sql.Engine switch
        {
            S3AuditQueryEngine.Athena => new[] { Athena(sql, table, location) },
            S3AuditQueryEngine.Trino => new[] { Trino(sql, table, location) },
            _ => throw new ArgumentException($"-Raw AwsAccessLog is written for Athena and Trino; {sql.Engine} reads raw access logs better through the exported lake (Export-S3AuditLog)."),
        };

        private static string Athena(SqlDialect sql, string table, string location)
        {
            SqlDialect.NameParts(table, 2);
            var text = new StringBuilder();
            text.AppendLine("-- Raw S3 server access logs as AWS documents the table (RegexSerDe). -Location is the PartitionedPrefix folder");
            text.AppendLine("-- up to the source bucket: s3://log-bucket/prefix/<account-id>/<region>/<source-bucket>/. Filter on timestamp ('2026/11/20').");
            text.AppendLine("-- Lines with a raw quote in User-Agent, Referer or Request-URI parse wrongly with this regex: Export-S3AuditLog reads them right.");
            text.AppendLine($"CREATE EXTERNAL TABLE IF NOT EXISTS {table} (");
            text.AppendLine(string.Join(",\n", Columns.Select(c => $"  {sql.QuoteDdl(c.Name)} {c.Type}")));
            text.AppendLine(")");
            text.AppendLine($"PARTITIONED BY ({sql.QuoteDdl("timestamp")} string)");
            text.AppendLine("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'");
            text.AppendLine($"WITH SERDEPROPERTIES ('input.regex' = {SqlDialect.Literal(Regex.Replace("\\", "\\\\"))})");
            text.AppendLine("STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'");
            text.AppendLine("OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'");
            text.AppendLine($"LOCATION {SqlDialect.Literal(location)}");
            text.AppendLine("TBLPROPERTIES (");
            var properties = new[]
            {
                ("projection.enabled", "true"),
                ("projection.timestamp.type", "date"),
                ("projection.timestamp.format", "yyyy/MM/dd"),
                ("projection.timestamp.range", "2020/01/01,NOW"),
                ("projection.timestamp.interval", "1"),
                ("projection.timestamp.interval.unit", "DAYS"),
                ("storage.location.template", location + "${timestamp}"),
            };
            text.AppendLine(string.Join(",\n", properties.Select(p => $"  {SqlDialect.Literal(p.Item1)} = {SqlDialect.Literal(p.Item2)}")));
            text.Append(");");
            return text.ToString();
        }

        private static string Trino(SqlDialect sql, string table, string location)
        {
            string[] parts = SqlDialect.NameParts(table, 3);
            string qualified = parts.Length == 3 ? table : parts.Length == 2 ? "hive." + table : "hive.default." + table;
            var text = new StringBuilder();
            text.AppendLine("-- Raw S3 server access logs on Trino's Hive connector (REGEX format, AWS's regex). The YYYY/MM/DD folders of");
            text.AppendLine("-- PartitionedPrefix are not Hive partitions: the table reads every file under the location, which needs");
            text.AppendLine("-- hive.recursive-directories=true in the catalog. Regex columns are read as varchar, except the byte counts.");
            text.AppendLine($"CREATE TABLE IF NOT EXISTS {qualified} (");
            text.AppendLine(string.Join(",\n", Columns.Select(c => $"  {sql.Quote(c.Name)} {(c.Type == "bigint" ? "bigint" : "varchar")}")));
            text.AppendLine(")");
            text.AppendLine("WITH (");
            text.AppendLine($"  external_location = {SqlDialect.Literal(location)},");
            text.AppendLine("  format = 'REGEX',");
            text.AppendLine($"  regex = {SqlDialect.Literal(Regex)}");
            text.Append(");");
            return text.ToString();
        }
    }
}
