namespace S3Audit
{
    /// <summary>The outcome of Enable-S3AccessLogging or Disable-S3AccessLogging for one source bucket.</summary>
    public sealed class S3AccessLoggingResult
    {
        /// <summary>The source bucket whose requests are logged.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The bucket the log objects are delivered to.</summary>
        public string TargetBucketName { get; set; } = string.Empty;
        /// <summary>The key prefix of the log objects.</summary>
        public string TargetPrefix { get; set; } = string.Empty;
        /// <summary>SimplePrefix, or PartitionedPrefix(EventTime|DeliveryTime).</summary>
        public string KeyFormat { get; set; } = string.Empty;
        /// <summary>What was done.</summary>
        public S3AccessLoggingAction Action { get; set; }
        /// <summary>How log delivery is permitted.</summary>
        public S3AccessLoggingPermission PermissionMethod { get; set; }
        /// <summary>The Sid of the bucket-policy statement S3Audit manages on the target; empty for the ACL method.</summary>
        public string PolicyStatementId { get; set; } = string.Empty;
        /// <summary>True when the target's bucket policy (or ACL) was written.</summary>
        public bool PermissionChanged { get; set; }
        /// <summary>True when the source's logging configuration was written.</summary>
        public bool LoggingChanged { get; set; }
        /// <summary>The target and prefix the source logged to before, as target/prefix; empty when logging was off.</summary>
        public string PreviousTarget { get; set; } = string.Empty;
        /// <summary>The provider that answered.</summary>
        public S3Provider Provider { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{BucketName} -> {TargetBucketName}/{TargetPrefix} {Action}";
    }
}
