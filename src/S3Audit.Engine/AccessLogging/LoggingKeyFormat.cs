using Amazon.S3;
using Amazon.S3.Model;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>The log-object key layout, as text and as the SDK's TargetObjectKeyFormat.</summary>
    internal static class LoggingKeyFormat
    {
        public const string Simple = "SimplePrefix";

        public static string Describe(bool partitioned, string dateSource) => partitioned ? $"PartitionedPrefix({dateSource})" : Simple;

        public static string Describe(TargetObjectKeyFormat? format)
        {
            PartitionedPrefix? partitioned = format?.PartitionedPrefix;
            return partitioned == null ? Simple : Describe(true, partitioned.PartitionDateSource?.Value ?? "EventTime");
        }

        public static TargetObjectKeyFormat ToSdk(bool partitioned, string dateSource) => partitioned
            ? new TargetObjectKeyFormat { PartitionedPrefix = new PartitionedPrefix { PartitionDateSource = PartitionDateSource.FindValue(dateSource) } }
            : new TargetObjectKeyFormat { SimplePrefix = new SimplePrefix() };
    }
}
