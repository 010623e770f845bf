namespace S3Audit.Engine.AccessLogging
{
    /// <summary>The log-object key prefix rule both Enable- and Disable-S3AccessLogging requests follow.</summary>
    internal static class LoggingPrefix
    {
        /// <summary>The prefix in effect: <paramref name="prefix"/>, or "&lt;source&gt;/" when it is null or empty.</summary>
        public static string Effective(string bucket, string? prefix) => string.IsNullOrEmpty(prefix) ? bucket + "/" : prefix!;
    }
}
