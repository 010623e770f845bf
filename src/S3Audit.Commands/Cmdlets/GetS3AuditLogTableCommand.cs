using System;
using System.Management.Automation;
using S3Audit.Commands.Hosting;
using S3Audit.Engine.Lake.Tables;

namespace S3Audit.Commands.Cmdlets
{
    /// <summary>
    /// Writes the SQL that makes the log lake Export-S3AuditLog writes (or raw AWS access logs) queryable in Athena,
    /// Trino, Spark or DuckDB, as plain strings: one per statement, so that | Set-Content lake.sql gives a script the
    /// engine runs as it is. Reads nothing and connects nowhere.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "S3AuditLogTable")]
    [OutputType(typeof(string))]
    public sealed class GetS3AuditLogTableCommand : PSCmdlet
    {
        /// <summary>The query engine.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public S3AuditQueryEngine Engine { get; set; }

        /// <summary>The lake (Export-S3AuditLog's -Destination) or, with -Raw, the raw logs: s3://bucket/prefix/ or a folder.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Destination")]
        [ValidateNotNullOrEmpty]
        public string Location { get; set; } = string.Empty;

        /// <summary>The table (view for DuckDB) name, optionally schema.table (Trino: catalog.schema.table).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TableName { get; set; }

        /// <summary>A table over raw logs instead of the lake: AwsAccessLog (Athena, Trino).</summary>
        [Parameter]
        public S3AuditRawLogTable? Raw { get; set; }

        /// <summary>Add the standard questions as queries on the lake.</summary>
        [Parameter]
        public SwitchParameter IncludeExamples { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var request = new LakeTableRequest
            {
                Engine = Engine,
                Location = IsUri(Location) ? Location : GetUnresolvedProviderPathFromPSPath(Location),
                TableName = TableName,
                Raw = Raw,
                IncludeExamples = IncludeExamples.IsPresent,
            };
            try
            {
                foreach (string statement in LakeTableSql.Write(request))
                {
                    WriteObject(statement);
                }
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.FromArgument(e, ErrorIds.InvalidArgument, Location));
            }
        }

        private static bool IsUri(string location) => location.IndexOf("://", StringComparison.Ordinal) > 0;
    }
}
