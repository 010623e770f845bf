using System.Collections.Generic;

namespace S3Audit.Engine.Policies
{
    /// <summary>
    /// A Lyve Cloud Account API v2 permission body (POST /permissions): type bucket-names scoped to the bucket, with
    /// read-only for a reader and all-operations for a writer (write-only cannot list or read back).
    /// </summary>
    internal static class LyveLogPolicyBuilder
    {
        public static (string Document, IReadOnlyList<string> Limitations) Build(LogPolicyRequest request)
        {
            var limitations = new List<string>();
            string actions;
            if (request.Purpose == LogPolicyPurpose.ReadOnlyLog)
            {
                actions = "read-only";
                if (request.AllowDelete)
                {
                    limitations.Add("Lyve permissions cannot add delete to read-only: -AllowPurge is not applied (purge with a separate identity)");
                }
            }
            else
            {
                actions = "all-operations";
                if (!request.AllowDelete)
                {
                    limitations.Add("Lyve's all-operations includes delete; write-only would not let the writer list or read back");
                }
            }

            if (request.NormalisedPrefix.Length > 0)
            {
                limitations.Add($"Lyve bucket-names permissions cover whole buckets, not only '{request.NormalisedPrefix}'");
            }

            if (!string.IsNullOrEmpty(request.KmsKeyArn))
            {
                limitations.Add("Lyve Cloud has no KMS: -KmsKeyArn is not applied");
            }

            string description = request.Purpose == LogPolicyPurpose.ReadOnlyLog
                ? $"Read-only access to the logs in {request.BucketName} (S3Audit)"
                : $"Log and backup storage in {request.BucketName} (S3Audit)";
            string json = JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("name", request.EffectiveName);
                writer.WriteString("description", description);
                writer.WriteString("type", "bucket-names");
                writer.WriteString("actions", actions);
                writer.WriteStartArray("buckets");
                writer.WriteStringValue(request.BucketName);
                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return (json, limitations);
        }
    }
}
