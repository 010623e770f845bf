namespace S3Audit.Engine.AccessLogging
{
    /// <summary>What Disable-S3AccessLogging asks for one source bucket.</summary>
    public sealed class DisableLoggingRequest
    {
        /// <summary>The source bucket.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>Also remove this source from S3Audit's statement in the target's bucket policy.</summary>
        public bool RemovePermission { get; set; }
        /// <summary>The target whose policy to clean when logging is already off (otherwise the current target is used).</summary>
        public string? TargetBucketName { get; set; }
        /// <summary>The prefix to drop from the statement when logging is already off; default "&lt;source&gt;/".</summary>
        public string? TargetPrefix { get; set; }

        /// <summary>The prefix in effect when logging is already off.</summary>
        public string EffectivePrefix => LoggingPrefix.Effective(BucketName, TargetPrefix);
    }
}
