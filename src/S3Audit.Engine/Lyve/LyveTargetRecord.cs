using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Lyve
{
    /// <summary>A Lyve Cloud audit-log target bucket recorded by Set-LyveAuditTarget in the per-user settings file.</summary>
    public sealed class LyveTargetRecord
    {
        /// <summary>The target bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The Lyve S3 endpoint, e.g. https://s3.us-east-1.lyvecloud.seagate.com.</summary>
        public string EndpointUrl { get; set; } = string.Empty;
        /// <summary>The region.</summary>
        public string Region { get; set; } = string.Empty;
        /// <summary>The log kinds expected in the bucket: S3, IAM, Console.</summary>
        public List<string> LogKinds { get; set; } = new List<string> { "S3", "IAM", "Console" };
        /// <summary>When the target was recorded.</summary>
        public DateTimeOffset RecordedAt { get; set; }
    }
}
