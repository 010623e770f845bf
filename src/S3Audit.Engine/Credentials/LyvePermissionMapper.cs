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
            string type = Text(permission, "type"), actions = Text(permission, "actions");
            string scope = type switch
            {
                "all-buckets" => "all buckets",
                "bucket-prefix" => $"buckets named {Text(permission, "prefix")}*",
                "bucket-names" => string.Join(", ", Buckets(permission)),
                "policy" => "a custom policy",
                _ => type,
            };
            return type == "policy" ? $"{Text(permission, "name")}: {scope}" : $"{actions} on {scope}";
        }

        /// <summary>The equivalent AWS policy; <see cref="PolicyParseException"/> for a broken custom policy.</summary>
        public static PolicyDocument ToPolicy(JsonElement permission)
        {
            string type = Text(permission, "type");
            if (type == "policy")
            {
                JsonElement policy = permission.TryGetProperty("policy", out JsonElement p) ? p : default;
                return PolicyDocument.Parse(policy.ValueKind == JsonValueKind.String ? policy.GetString() ?? string.Empty : policy.ValueKind == JsonValueKind.Object ? policy.GetRawText() : string.Empty);
            }

            string[] actions = Text(permission, "actions") switch
            {
                "read-only" => new[] { "s3:Get*", "s3:List*" },
                "write-only" => new[] { "s3:Put*", "s3:Delete*", "s3:AbortMultipartUpload" },
                _ => new[] { "s3:*" },
            };
            IEnumerable<string> resources = type switch
            {
                "bucket-names" => Buckets(permission).SelectMany(b => new[] { "arn:aws:s3:::" + b, $"arn:aws:s3:::{b}/*" }),
                "bucket-prefix" => new[] { $"arn:aws:s3:::{Text(permission, "prefix")}*" },
                _ => new[] { "*" },
            };
            string json = JsonSerializer.Serialize(new { Statement = new[] { new { Effect = "Allow", Action = actions, Resource = resources.ToArray() } } });
            return PolicyDocument.Parse(json);
        }

        public static string Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
                ? (value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText())
                : string.Empty;

        private static IEnumerable<string> Buckets(JsonElement permission) =>
            permission.TryGetProperty("buckets", out JsonElement buckets) && buckets.ValueKind == JsonValueKind.Array
                ? buckets.EnumerateArray().Select(b => b.GetString() ?? string.Empty)
                : Enumerable.Empty<string>();
    }
}
