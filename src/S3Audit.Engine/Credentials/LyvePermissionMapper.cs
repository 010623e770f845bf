using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// A Lyve Account API permission ({type, actions, buckets, prefix, policy}) as words ("read-only on logs") and
    /// as the equivalent AWS policy, so the same access summary and findings apply as for IAM.
    /// </summary>
    internal static class LyvePermissionMapper
    {
        public static string Describe(JsonElement permission)
        {
            string type = JsonFields.Text(permission, "type"), actions = JsonFields.Text(permission, "actions");
            string scope = type switch
            {
                "all-buckets" => "all buckets",
                "bucket-prefix" => $"buckets named {JsonFields.Text(permission, "prefix")}*",
                "bucket-names" => string.Join(", ", Buckets(permission)),
                "policy" => "a custom policy",
                _ => type,
            };
            return type == "policy" ? $"{JsonFields.Text(permission, "name")}: {scope}" : $"{actions} on {scope}";
        }

        /// <summary>The equivalent AWS policy; <see cref="PolicyParseException"/> for a broken custom policy.</summary>
        public static PolicyDocument ToPolicy(JsonElement permission)
        {
            string type = JsonFields.Text(permission, "type");
            if (type == "policy")
            {
                JsonElement policy = permission.TryGetProperty("policy", out JsonElement p) ? p : default;
                return PolicyDocument.Parse(policy.ValueKind == JsonValueKind.String ? policy.GetString() ?? string.Empty : policy.ValueKind == JsonValueKind.Object ? policy.GetRawText() : string.Empty);
            }

            string[] actions = JsonFields.Text(permission, "actions") switch
            {
                "read-only" => new[] { "s3:Get*", "s3:List*" },
                "write-only" => new[] { "s3:Put*", "s3:Delete*", "s3:AbortMultipartUpload" },
                _ => new[] { "s3:*" },
            };
            IEnumerable<string> resources = type switch
            {
                "bucket-names" => Buckets(permission).SelectMany(b => new[] { "arn:aws:s3:::" + b, $"arn:aws:s3:::{b}/*" }),
                "bucket-prefix" => new[] { $"arn:aws:s3:::{JsonFields.Text(permission, "prefix")}*" },
                _ => new[] { "*" },
            };
            string json = JsonSerializer.Serialize(new { Statement = new[] { new { Effect = "Allow", Action = actions, Resource = resources.ToArray() } } });
            return PolicyDocument.Parse(json);
        }

        private static IEnumerable<string> Buckets(JsonElement permission) => JsonFields.Strings(permission, "buckets");
    }
}
