using System.Collections.Generic;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>What auditing one target produced.</summary>
    internal sealed class TargetOutcome
    {
        public TargetOutcome(string name) => Name = name;

        public string Name { get; }
        public int BucketCount { get; set; }
        public List<S3AuditFinding> Findings { get; } = new List<S3AuditFinding>();
        public List<S3AuditLogActivity> Activity { get; } = new List<S3AuditLogActivity>();
        public List<string> UnavailableChecks { get; } = new List<string>();
        /// <summary>The first error, or null when the target was audited completely.</summary>
        public string? FirstError { get; set; }
        public bool Complete => FirstError == null;
    }
}
