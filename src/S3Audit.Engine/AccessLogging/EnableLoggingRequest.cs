namespace S3Audit.Engine.AccessLogging
{
    /// <summary>What Enable-S3AccessLogging asks for one source bucket.</summary>
    public sealed class EnableLoggingRequest
    {
        /// <summary>The source bucket whose requests are logged.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The bucket that receives the log objects.</summary>
        public string TargetBucketName { get; set; } = string.Empty;
        /// <summary>The key prefix of the log objects; null or empty means "&lt;source&gt;/".</summary>
        public string? TargetPrefix { get; set; }
        /// <summary>Date-partitioned keys (PartitionedPrefix) instead of SimplePrefix.</summary>
        public bool PartitionedPrefix { get; set; }
        /// <summary>EventTime or DeliveryTime, for <see cref="PartitionedPrefix"/>.</summary>
        public string PartitionDateSource { get; set; } = "EventTime";
        /// <summary>Grant the legacy LogDelivery group on the target's ACL instead of a bucket-policy statement.</summary>
        public bool UseAclGrant { get; set; }
        /// <summary>Allow the source as its own target, and replace a different existing logging target.</summary>
        public bool Force { get; set; }

        /// <summary>The prefix in effect.</summary>
        public string EffectivePrefix => LoggingPrefix.Effective(BucketName, TargetPrefix);

        /// <summary>SimplePrefix or PartitionedPrefix(EventTime|DeliveryTime).</summary>
        public string KeyFormat => LoggingKeyFormat.Describe(PartitionedPrefix, PartitionDateSource);
    }
}
