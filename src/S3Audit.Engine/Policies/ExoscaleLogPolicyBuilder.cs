using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Policies
{
    /// <summary>
    /// An Exoscale IAM role policy (default deny, SOS rules evaluated in order): bucket listing is allowed, any other
    /// bucket is denied, then only the listed operations on the bucket are allowed. Anything unmatched is denied.
    /// </summary>
    internal static class ExoscaleLogPolicyBuilder
    {
        public static (string Document, int Rules, IReadOnlyList<string> Limitations) Build(LogPolicyRequest request)
        {
            var operations = new List<string> { "list-objects", "get-object" };
            if (request.Purpose == LogPolicyPurpose.LogStorage)
            {
                operations.AddRange(new[] { "put-object", "create-multipart-upload", "upload-part", "complete-multipart-upload", "abort-multipart-upload", "list-parts" });
            }

            if (request.AllowDelete)
            {
                operations.Add("delete-object");
            }

            var rules = new List<(string Action, string Expression)>
            {
                ("allow", "operation in ['list-sos-buckets-usage', 'list-buckets']"),
                ("deny", $"!(parameters.bucket == '{request.BucketName}')"),
                ("allow", "operation in [" + string.Join(", ", operations.Select(o => $"'{o}'")) + "]"),
            };

            var limitations = new List<string>();
            if (request.NormalisedPrefix.Length > 0)
            {
                limitations.Add($"Exoscale's rule language is not known to expose the object key, so the policy covers the whole bucket, not only '{request.NormalisedPrefix}'");
            }

            if (!string.IsNullOrEmpty(request.KmsKeyArn))
            {
                limitations.Add("Exoscale SOS has no KMS: -KmsKeyArn is not applied");
            }

            string json = JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("default-service-strategy", "deny");
                writer.WriteStartObject("services");
                writer.WriteStartObject("sos");
                writer.WriteString("type", "rules");
                writer.WriteStartArray("rules");
                foreach ((string action, string expression) in rules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("action", action);
                    writer.WriteString("expression", expression);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
            return (json, rules.Count, limitations);
        }
    }
}
