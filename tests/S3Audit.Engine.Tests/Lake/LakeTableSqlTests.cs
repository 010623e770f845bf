using System.Reflection;
using System.Text.RegularExpressions;
using S3Audit.Engine.Lake;
using S3Audit.Engine.Lake.Tables;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Lake;

/// <summary>
/// Get-S3AuditLogTable's SQL. Athena, Trino and Spark cannot run here, so their text is held to one golden file per engine
/// (regenerate with S3AUDIT_UPDATE_GOLDEN=1 and review the diff) and to the grammar points their documentation makes:
/// partition columns last (Trino, Spark), every partition column projected with a type and its range or values (Athena),
/// lowercase partition keys in the paths. The DuckDB SQL is run for real in S3Audit.Lake.Tests.
/// </summary>
public class LakeTableSqlTests
{
    private const string Location = "s3://lake-bucket/audit/";
    private static string GoldenDir => RepoPaths.Combine("tests", "S3Audit.Engine.Tests", "Lake", "Golden");

    private static string Script(S3AuditQueryEngine engine, S3AuditRawLogTable? raw = null, string location = Location) =>
        string.Join("\n", LakeTableSql.Write(new LakeTableRequest { Engine = engine, Location = location, Raw = raw, IncludeExamples = raw == null })) + "\n";

    [Theory]
    [InlineData(S3AuditQueryEngine.Athena, null, "athena.sql")]
    [InlineData(S3AuditQueryEngine.Trino, null, "trino.sql")]
    [InlineData(S3AuditQueryEngine.Spark, null, "spark.sql")]
    [InlineData(S3AuditQueryEngine.DuckDB, null, "duckdb.sql")]
    [InlineData(S3AuditQueryEngine.Athena, S3AuditRawLogTable.AwsAccessLog, "athena-raw-aws-access-log.sql")]
    [InlineData(S3AuditQueryEngine.Trino, S3AuditRawLogTable.AwsAccessLog, "trino-raw-aws-access-log.sql")]
    public void TheSqlIsItsGoldenFile(S3AuditQueryEngine engine, S3AuditRawLogTable? raw, string golden)
    {
        string actual = Script(engine, raw);
        string path = Path.Combine(GoldenDir, golden);
        if (Environment.GetEnvironmentVariable("S3AUDIT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void AthenaProjectsEveryPartitionColumnCompletelyWithoutACrawler()
    {
        string ddl = LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Athena, Location = Location })[0];
        Dictionary<string, string> properties = Regex.Matches(ddl, @"'([a-z.]+)' = '([^']*)'").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal("true", properties["projection.enabled"]);
        foreach (LakeColumn partition in LakeSchema.PartitionColumns)
        {
            string type = properties[$"projection.{partition.Name}.type"];
            Assert.Contains(type, new[] { "enum", "integer" });
            Assert.True(properties.ContainsKey($"projection.{partition.Name}.{(type == "enum" ? "values" : "range")}"), partition.Name);
            Assert.Contains($"{partition.Name}=${{{partition.Name}}}", properties["storage.location.template"]);
        }

        Assert.Equal(LakeSchema.SourceValuesInOrder, properties["projection.source.values"].Split(','));
        Assert.Equal("2", properties["projection.month.digits"]);
        Assert.Equal("2", properties["projection.day.digits"]);
        Assert.StartsWith(Location, properties["storage.location.template"]);
        Assert.DoesNotMatch("(?m)^MSCK", ddl);
        Assert.Single(LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Athena, Location = Location }));
        Assert.Matches(@"PARTITIONED BY \(\s*`source` string,\s*`year` int,\s*`month` int,\s*`day` int\s*\)", ddl);
        Assert.Contains("STORED AS PARQUET", ddl);
        Assert.Contains("`time` timestamp", ddl);
    }

    [Theory]
    [InlineData(S3AuditQueryEngine.Trino)]
    [InlineData(S3AuditQueryEngine.Spark)]
    public void PartitionColumnsComeLastAndAreTheDeclaredPartitions(S3AuditQueryEngine engine)
    {
        string ddl = LakeTableSql.Write(new LakeTableRequest { Engine = engine, Location = Location })[0];
        List<string> columns = Regex.Matches(ddl, "^  [\"`]([a-z_]+)[\"`] ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        string[] partitions = LakeSchema.PartitionColumns.Select(c => c.Name).ToArray();

        Assert.Equal(LakeSchema.Columns(false).Select(c => c.Name).Concat(partitions), columns);
        string declared = engine == S3AuditQueryEngine.Trino
            ? Regex.Match(ddl, @"partitioned_by = ARRAY\[([^\]]*)\]").Groups[1].Value.Replace("'", string.Empty)
            : Regex.Match(ddl, @"PARTITIONED BY \(([^)]*)\)").Groups[1].Value.Replace("`", string.Empty);
        Assert.Equal(partitions, declared.Split(", "));
    }

    [Fact]
    public void TrinoRegistersPartitionsWithSyncPartitionMetadata()
    {
        IReadOnlyList<string> sql = LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Trino, Location = Location, TableName = "lake.logs.s3" });
        Assert.Contains("CREATE TABLE IF NOT EXISTS lake.logs.s3 (", sql[0]);
        Assert.Contains("format = 'PARQUET'", sql[0]);
        Assert.Contains($"external_location = '{Location}'", sql[0]);
        Assert.EndsWith("CALL lake.system.sync_partition_metadata(schema_name => 'logs', table_name => 's3', mode => 'ADD');", sql[1]);
    }

    [Fact]
    public void SparkDiscoversPartitionsAndReadsS3ThroughS3a()
    {
        IReadOnlyList<string> sql = LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Spark, Location = "s3://lake-bucket/audit" });
        Assert.Contains("USING parquet", sql[0]);
        Assert.Contains("LOCATION 's3a://lake-bucket/audit/';", sql[0]);
        Assert.EndsWith("MSCK REPAIR TABLE s3audit_logs;", sql[1]);
    }

    [Fact]
    public void PartitionPathsUseLowercaseZeroPaddedKeys()
    {
        var entry = new S3AuditLogEntry { Time = new DateTimeOffset(2026, 3, 4, 23, 59, 59, TimeSpan.FromHours(-2)), Source = S3AuditLogFormat.CloudTrail };
        Assert.Equal("source=cloudtrail/year=2026/month=03/day=05", LakePartition.Of(entry).Path);
        foreach (string key in LakeSchema.PartitionColumns.Select(c => c.Name).Concat(LakeSchema.SourceValuesInOrder))
        {
            Assert.Equal(key.ToLowerInvariant(), key);
        }

        string athena = Script(S3AuditQueryEngine.Athena);
        Assert.Contains("source=${source}/year=${year}/month=${month}/day=${day}/", athena);
    }

    [Fact]
    public void EveryEntryPropertyIsAColumnOrAPartitionUnderAStableSnakeCaseName()
    {
        var mapped = LakeSchema.Columns(true).Concat(LakeSchema.PartitionColumns).Select(c => c.Property).ToHashSet();
        foreach (PropertyInfo property in typeof(S3AuditLogEntry).GetProperties())
        {
            Assert.Contains(property.Name, mapped);
        }

        Assert.All(LakeSchema.Columns(true), c => Assert.Matches("^[a-z][a-z0-9_]*$", c.Name));
        Assert.Equal("time", LakeSchema.Columns(false)[0].Name);
        Assert.Equal(LakeColumnType.Timestamp, LakeSchema.Columns(false)[0].Type);
        Assert.Equal("raw", LakeSchema.Columns(true).Last().Name);
        Assert.DoesNotContain(LakeSchema.Columns(false), c => c.Name == "raw");
        Assert.Equal(Enum.GetValues<S3AuditLogFormat>().Length - 1, LakeSchema.SourceValuesInOrder.Count());
    }

    [Fact]
    public void TheRawAccessLogTableIsAwsDocumentedOne()
    {
        string athena = LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Athena, Location = "s3://logs/prefix/123456789012/eu-west-1/src/", Raw = S3AuditRawLogTable.AwsAccessLog }).Single();
        Assert.Contains("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'", athena);
        Assert.Equal(26, Regex.Matches(athena, "^  `[a-z_]+` (string|bigint)", RegexOptions.Multiline).Count);
        Assert.Contains("`aclrequired` string", athena);
        Assert.Contains("'projection.timestamp.format' = 'yyyy/MM/dd'", athena);
        Assert.Contains("'storage.location.template' = 's3://logs/prefix/123456789012/eu-west-1/src/${timestamp}'", athena);
        Assert.Contains("CREATE EXTERNAL TABLE IF NOT EXISTS s3_access_logs", athena);

        string regex = Regex.Match(athena, "'input.regex' = '(.*)'\\)").Groups[1].Value.Replace("\\\\", "\\");
        string line = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be 3E57427F3EXAMPLE REST.GET.VERSIONING - \"GET /amzn-s3-demo-bucket1?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" \"S3Console/0.4\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSV1.2 arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP Yes";
        Match parsed = Regex.Match(line, regex);
        Assert.True(parsed.Success);
        Assert.Equal(27, parsed.Groups.Count);
        Assert.Equal("REST.GET.VERSIONING", parsed.Groups[7].Value);
        Assert.Equal("Yes", parsed.Groups[26].Value);

        Assert.Contains("format = 'REGEX'", LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Trino, Location = "s3://logs/p/", Raw = S3AuditRawLogTable.AwsAccessLog }).Single());
        Assert.Throws<ArgumentException>(() => LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Spark, Location = "s3://logs/p/", Raw = S3AuditRawLogTable.AwsAccessLog }));
    }

    [Theory]
    [InlineData(S3AuditQueryEngine.Athena, "/data/lake")]
    [InlineData(S3AuditQueryEngine.DuckDB, "x; DROP TABLE y")]
    [InlineData(S3AuditQueryEngine.Trino, "a.b.c.d")]
    public void ALocationOrNameTheEngineCannotTakeIsAnArgumentError(S3AuditQueryEngine engine, string locationOrName)
    {
        bool isName = !locationOrName.StartsWith("/", StringComparison.Ordinal);
        var request = new LakeTableRequest { Engine = engine, Location = isName ? Location : locationOrName, TableName = isName ? locationOrName : null };
        Assert.Throws<ArgumentException>(() => LakeTableSql.Write(request));
    }

    [Fact]
    public void LocalFoldersBecomeFileUrisForTrinoAndSparkAndStayPathsForDuckDb()
    {
        Assert.Contains("external_location = 'file:///data/lake/'", LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Trino, Location = "/data/lake" })[0]);
        Assert.Contains("LOCATION 'file:///data/lake/'", LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.Spark, Location = "/data/lake" })[0]);
        Assert.Contains("read_parquet('/data/lake/source=*/year=*/month=*/day=*/*.parquet'", LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.DuckDB, Location = "/data/lake/" })[0]);
        Assert.Contains("read_parquet('/data/it''s/source=*", LakeTableSql.Write(new LakeTableRequest { Engine = S3AuditQueryEngine.DuckDB, Location = "/data/it's" })[0]);
    }
}
