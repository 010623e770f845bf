namespace S3Audit.Engine.Logs
{
    /// <summary>How to read log files.</summary>
    public sealed class LogReadOptions
    {
        /// <summary>The format, or <see cref="S3AuditLogFormat.Auto"/> to detect it per file.</summary>
        public S3AuditLogFormat Format { get; set; } = S3AuditLogFormat.Auto;
        /// <summary>Which entries to keep (compiled by the reader).</summary>
        public LogFilter Filter { get; set; } = new LogFilter();
        /// <summary>Add the raw record, secrets masked, to each entry.</summary>
        public bool IncludeRaw { get; set; }
    }
}
