using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace S3Audit.Engine.Lake.Tables
{
    /// <summary>
    /// The SQL that makes the lake (or raw AWS access logs) queryable in Athena, Trino, Spark or DuckDB: one string per
    /// statement, each ending with ';' and preceded by comment lines, so the strings written one after another form a
    /// script the engine runs as it is. Columns and partitions come from <see cref="LakeSchema"/>.
    /// </summary>
    public static class LakeTableSql
    {
        /// <summary>The default table name of the exported lake.</summary>
        public const string DefaultTable = "s3audit_logs";
        /// <summary>The default table name of raw AWS access logs.</summary>
        public const string DefaultRawTable = "s3_access_logs";

        /// <summary>The statements for <paramref name="request"/>; a bad location or name is an <see cref="ArgumentException"/>.</summary>
        public static IReadOnlyList<string> Write(LakeTableRequest request)
        {
            SqlDialect sql = SqlDialect.For(request.Engine);
            string location = sql.Location(request.Location);
            var statements = new List<string>();
            if (request.Raw == S3AuditRawLogTable.AwsAccessLog)
            {
                statements.AddRange(RawAccessLogTableSql.Write(sql, request.TableName ?? DefaultRawTable, location));
                return statements;
            }

            string table = request.TableName ?? DefaultTable;
            statements.AddRange(request.Engine switch
            {
                S3AuditQueryEngine.Athena => new[] { Athena(sql, table, location) },
                S3AuditQueryEngine.Trino => Trino(sql, table, location),
                S3AuditQueryEngine.Spark => Spark(sql, table, location),
                _ => new[] { DuckDb(table, location) },
            });
            if (request.IncludeExamples)
            {
                statements.AddRange(LakeExampleQueries.Write(sql, QualifiedForQueries(request.Engine, table)));
            }

            return statements;
        }

        private static string Athena(SqlDialect sql, string table, string location)
        {
            SqlDialect.NameParts(table, 2);
            var text = new StringBuilder();
            text.AppendLine("-- S3Audit log lake: Export-S3AuditLog's Parquet files. Partition projection: no crawler, no MSCK REPAIR.");
            text.AppendLine("-- Filter on year/month/day (and source) to read only those days' files.");
            text.AppendLine($"CREATE EXTERNAL TABLE IF NOT EXISTS {table} (");
            text.AppendLine(string.Join(",\n", LakeSchema.Columns(false).Select(c => $"  {sql.QuoteDdl(c.Name)} {sql.TypeOf(c.Type)} COMMENT {SqlDialect.Literal(c.Description)}")));
            text.AppendLine(")");
            text.AppendLine("PARTITIONED BY (");
            text.AppendLine(string.Join(",\n", LakeSchema.PartitionColumns.Select(c => $"  {sql.QuoteDdl(c.Name)} {sql.TypeOf(c.Type)}")));
            text.AppendLine(")");
            text.AppendLine("STORED AS PARQUET");
            text.AppendLine($"LOCATION {SqlDialect.Literal(location)}");
            text.AppendLine("TBLPROPERTIES (");
            var properties = new List<(string Key, string Value)>
            {
                ("projection.enabled", "true"),
                ("projection.source.type", "enum"),
                ("projection.source.values", string.Join(",", LakeSchema.SourceValuesInOrder)),
                ("projection.year.type", "integer"),
                ("projection.year.range", "2006,2099"),
                ("projection.year.digits", "4"),
                ("projection.month.type", "integer"),
                ("projection.month.range", "1,12"),
                ("projection.month.digits", "2"),
                ("projection.day.type", "integer"),
                ("projection.day.range", "1,31"),
                ("projection.day.digits", "2"),
                ("storage.location.template", location + string.Join("/", LakeSchema.PartitionColumns.Select(c => $"{c.Name}=${{{c.Name}}}")) + "/"),
            };
            text.AppendLine(string.Join(",\n", properties.Select(p => $"  {SqlDialect.Literal(p.Key)} = {SqlDialect.Literal(p.Value)}")));
            text.Append(");");
            return text.ToString();
        }

        private static IEnumerable<string> Trino(SqlDialect sql, string table, string location)
        {
            string[] parts = SqlDialect.NameParts(table, 3);
            string catalog = parts.Length == 3 ? parts[0] : "hive";
            string schema = parts.Length >= 2 ? parts[parts.Length - 2] : "default";
            string name = parts[parts.Length - 1];
            var text = new StringBuilder();
            text.AppendLine("-- S3Audit log lake on Trino's Hive connector: Export-S3AuditLog's Parquet files. Partition columns come last.");
            text.AppendLine($"CREATE TABLE IF NOT EXISTS {catalog}.{schema}.{name} (");
            text.AppendLine(string.Join(",\n", LakeSchema.Columns(false).Concat(LakeSchema.PartitionColumns)
                .Select(c => $"  {sql.Quote(c.Name)} {sql.TypeOf(c.Type)} COMMENT {SqlDialect.Literal(c.Description)}")));
            text.AppendLine(")");
            text.AppendLine("WITH (");
            text.AppendLine($"  external_location = {SqlDialect.Literal(location)},");
            text.AppendLine("  format = 'PARQUET',");
            text.AppendLine($"  partitioned_by = ARRAY[{string.Join(", ", LakeSchema.PartitionColumns.Select(c => SqlDialect.Literal(c.Name)))}]");
            text.Append(");");
            yield return text.ToString();
            yield return "-- Registers the partitions (source/year/month/day folders) found under the location; run it again after each export.\n" +
                         $"CALL {catalog}.system.sync_partition_metadata(schema_name => {SqlDialect.Literal(schema)}, table_name => {SqlDialect.Literal(name)}, mode => 'ADD');";
        }

        private static IEnumerable<string> Spark(SqlDialect sql, string table, string location)
        {
            SqlDialect.NameParts(table, 2);
            var text = new StringBuilder();
            text.AppendLine("-- S3Audit log lake in Spark SQL: Export-S3AuditLog's Parquet files. Partition columns come last.");
            text.AppendLine($"CREATE TABLE IF NOT EXISTS {table} (");
            text.AppendLine(string.Join(",\n", LakeSchema.Columns(false).Concat(LakeSchema.PartitionColumns)
                .Select(c => $"  {sql.Quote(c.Name)} {sql.TypeOf(c.Type).ToUpperInvariant()} COMMENT {SqlDialect.Literal(c.Description)}")));
            text.AppendLine(")");
            text.AppendLine("USING parquet");
            text.AppendLine($"PARTITIONED BY ({string.Join(", ", LakeSchema.PartitionColumns.Select(c => sql.Quote(c.Name)))})");
            text.Append($"LOCATION {SqlDialect.Literal(location)};");
            yield return text.ToString();
            yield return "-- Partition discovery: registers the source/year/month/day folders; run it again after each export.\n" +
                         $"MSCK REPAIR TABLE {table};";
        }

        private static string DuckDb(string table, string location)
        {
            SqlDialect.NameParts(table, 2);
            string glob = location + string.Join("/", LakeSchema.PartitionColumns.Select(c => c.Name + "=*")) + "/*.parquet";
            string types = string.Join(", ", LakeSchema.PartitionColumns.Select(c => $"{SqlDialect.Literal(c.Name)}: {(c.Type == LakeColumnType.String ? "VARCHAR" : "INTEGER")}"));
            var text = new StringBuilder();
            text.AppendLine("-- S3Audit log lake in DuckDB: a view over Export-S3AuditLog's Parquet files; filters on source/year/month/day");
            text.AppendLine("-- read only the matching folders. For s3:// first run: INSTALL httpfs; LOAD httpfs; CREATE SECRET (TYPE s3, ...).");
            text.AppendLine($"CREATE OR REPLACE VIEW {table} AS");
            text.AppendLine($"SELECT * FROM read_parquet({SqlDialect.Literal(glob)},");
            text.Append($"  hive_partitioning = true, hive_types = {{{types}}});");
            return text.ToString();
        }

        // Queries name the table as the DDL created it (Trino without the catalog's default).
        private static string QualifiedForQueries(S3AuditQueryEngine engine, string table)
        {
            if (engine != S3AuditQueryEngine.Trino)
            {
                return table;
            }

            string[] parts = table.Split('.');
            return parts.Length == 3 ? table : parts.Length == 2 ? "hive." + table : "hive.default." + table;
        }
    }
}
