using System;

namespace S3Audit.Engine.Logs
{
    /// <summary>One log file or object as listed, before it is read: what identifies its content.</summary>
    public sealed class LogSource
    {
        /// <summary>Creates a source.</summary>
        public LogSource(string name, long length, DateTimeOffset? lastModified, string? eTag)
        {
            Name = name;
            Length = length;
            LastModified = lastModified;
            ETag = eTag;
        }

        /// <summary>The local path, or s3://bucket/key (as in <see cref="S3AuditLogEntry.SourceFile"/>).</summary>
        public string Name { get; }
        /// <summary>Bytes, as listed.</summary>
        public long Length { get; }
        /// <summary>Last modification time, as listed.</summary>
        public DateTimeOffset? LastModified { get; }
        /// <summary>The object's ETag (S3 only).</summary>
        public string? ETag { get; }
    }
}
