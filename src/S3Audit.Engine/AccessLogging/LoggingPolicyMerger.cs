using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// Adds and removes log-delivery grants in a target bucket's policy. S3Audit owns exactly one statement, found by
    /// <see cref="StatementId"/>; every other statement and every other top-level member is copied as its original raw
    /// JSON text, so nothing the bucket owner wrote is reformatted, reordered or lost.
    /// </summary>
    public static class LoggingPolicyMerger
    {
        /// <summary>The Sid of the statement S3Audit manages (our own prefix, alphanumeric as AWS requires).</summary>
        public const string StatementId = "S3AuditLogDelivery";

        /// <summary>The service principal that delivers server access logs.</summary>
        public const string LoggingService = "logging.s3.amazonaws.com";

        private const string DefaultVersion = "2012-10-17";

        /// <summary>The ARN of a bucket.</summary>
        public static string BucketArn(string bucket) => "arn:aws:s3:::" + bucket;

        /// <summary>The resource a source logging under <paramref name="prefix"/> into <paramref name="target"/> writes to.</summary>
        public static string ResourceArn(string target, string prefix) => $"arn:aws:s3:::{target}/{prefix}*";

        /// <summary>
        /// The policy with <paramref name="sourceBucket"/> allowed to deliver logs to <paramref name="targetBucket"/> under
        /// <paramref name="prefix"/>. <paramref name="currentPolicy"/> null means the bucket has no policy.
        /// Changed is false when the statement already grants all of it (nothing to write).
        /// </summary>
        /// <exception cref="InvalidDataException">The current policy is not a JSON object with a valid Statement.</exception>
        public static PolicyMergeResult AddSource(string? currentPolicy, string targetBucket, string prefix, string sourceBucket, string sourceAccount)
        {
            ParsedPolicy policy = ParsedPolicy.Parse(currentPolicy);
            ManagedGrant grant = policy.Managed ?? new ManagedGrant();
            bool changed = policy.Managed == null;
            changed |= AddDistinct(grant.Resources, ResourceArn(targetBucket, prefix));
            changed |= AddDistinct(grant.SourceArns, BucketArn(sourceBucket));
            changed |= AddDistinct(grant.SourceAccounts, sourceAccount);
            return changed ? new PolicyMergeResult(policy.Write(grant), true) : new PolicyMergeResult(currentPolicy, false);
        }

        /// <summary>
        /// The policy without <paramref name="sourceBucket"/> in S3Audit's statement; the resource for
        /// <paramref name="prefix"/> goes too unless <paramref name="keepResource"/>. The statement goes when no source is
        /// left; Policy is null when no statement at all is left (delete the policy then).
        /// </summary>
        public static PolicyMergeResult RemoveSource(string? currentPolicy, string targetBucket, string prefix, string sourceBucket, bool keepResource)
        {
            ParsedPolicy policy = ParsedPolicy.Parse(currentPolicy);
            if (policy.Managed == null)
            {
                return new PolicyMergeResult(currentPolicy, false);
            }

            ManagedGrant grant = policy.Managed;
            bool changed = grant.SourceArns.Remove(BucketArn(sourceBucket));
            if (!keepResource)
            {
                changed |= grant.Resources.Remove(ResourceArn(targetBucket, prefix));
            }

            if (!changed)
            {
                return new PolicyMergeResult(currentPolicy, false);
            }

            bool dropStatement = grant.SourceArns.Count == 0 || grant.Resources.Count == 0;
            if (dropStatement && policy.OtherStatements.Count == 0)
            {
                return new PolicyMergeResult(null, true);
            }

            return new PolicyMergeResult(policy.Write(dropStatement ? null : grant), true);
        }

        /// <summary>The source bucket ARNs S3Audit's statement names; empty when there is no such statement.</summary>
        public static IReadOnlyList<string> SourceArns(string? policyJson) =>
            (IReadOnlyList<string>?)ParsedPolicy.Parse(policyJson).Managed?.SourceArns ?? Array.Empty<string>();

        /// <summary>True when S3Audit's statement grants delivery from the source under the prefix.</summary>
        public static bool Grants(string? policyJson, string targetBucket, string prefix, string sourceBucket, string sourceAccount)
        {
            ManagedGrant? grant = ParsedPolicy.Parse(policyJson).Managed;
            return grant != null && grant.Resources.Contains(ResourceArn(targetBucket, prefix)) &&
                   grant.SourceArns.Contains(BucketArn(sourceBucket)) && grant.SourceAccounts.Contains(sourceAccount);
        }

        /// <summary>The raw JSON of every statement that is not S3Audit's, in order.</summary>
        public static IReadOnlyList<string> OtherStatements(string? policyJson) => ParsedPolicy.Parse(policyJson).OtherStatements;

        private static bool AddDistinct(List<string> values, string value)
        {
            if (values.Contains(value, StringComparer.Ordinal))
            {
                return false;
            }

            values.Add(value);
            return true;
        }

        private sealed class ManagedGrant
        {
            public List<string> Resources { get; } = new List<string>();
            public List<string> SourceArns { get; } = new List<string>();
            public List<string> SourceAccounts { get; } = new List<string>();
        }

        /// <summary>A policy split into its raw parts: top-level members, other statements, and our grant.</summary>
        private sealed class ParsedPolicy
        {
            private readonly List<KeyValuePair<string, string>> _members = new List<KeyValuePair<string, string>>();
            private int _statementPosition = -1;

            public List<string> OtherStatements { get; } = new List<string>();
            public ManagedGrant? Managed { get; private set; }

            public static ParsedPolicy Parse(string? json)
            {
                var policy = new ParsedPolicy();
                if (json == null)
                {
                    return policy;
                }

                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(json);
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException("The bucket policy is not valid JSON: " + e.Message, e);
                }

                using (document)
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new InvalidDataException("The bucket policy is not a JSON object.");
                    }

                    foreach (JsonProperty member in document.RootElement.EnumerateObject())
                    {
                        if (member.NameEquals("Statement"))
                        {
                            policy._statementPosition = policy._members.Count;
                            policy.ReadStatements(member.Value);
                        }
                        else
                        {
                            policy._members.Add(new KeyValuePair<string, string>(member.Name, member.Value.GetRawText()));
                        }
                    }
                }

                return policy;
            }

            private void ReadStatements(JsonElement statements)
            {
                IEnumerable<JsonElement> items = statements.ValueKind switch
                {
                    JsonValueKind.Array => statements.EnumerateArray(),
                    JsonValueKind.Object => new[] { statements },
                    _ => throw new InvalidDataException("The bucket policy's Statement is neither an array nor an object."),
                };
                foreach (JsonElement statement in items)
                {
                    if (statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty("Sid", out JsonElement sid) &&
                        sid.ValueKind == JsonValueKind.String && sid.GetString() == StatementId)
                    {
                        Managed = ReadGrant(statement);
                    }
                    else
                    {
                        OtherStatements.Add(statement.GetRawText());
                    }
                }
            }

            private static ManagedGrant ReadGrant(JsonElement statement)
            {
                var grant = new ManagedGrant();
                grant.Resources.AddRange(Strings(statement, "Resource"));
                if (statement.TryGetProperty("Condition", out JsonElement condition) && condition.ValueKind == JsonValueKind.Object)
                {
                    grant.SourceArns.AddRange(ConditionValues(condition, "ArnLike", "aws:SourceArn"));
                    grant.SourceAccounts.AddRange(ConditionValues(condition, "StringEquals", "aws:SourceAccount"));
                }

                return grant;
            }

            private static IEnumerable<string> ConditionValues(JsonElement condition, string op, string key) =>
                condition.TryGetProperty(op, out JsonElement block) && block.ValueKind == JsonValueKind.Object ? Strings(block, key) : Enumerable.Empty<string>();

            private static IEnumerable<string> Strings(JsonElement parent, string name)
            {
                if (!parent.TryGetProperty(name, out JsonElement value))
                {
                    return Enumerable.Empty<string>();
                }

                if (value.ValueKind == JsonValueKind.String)
                {
                    return new[] { value.GetString()! };
                }

                return value.ValueKind == JsonValueKind.Array
                    ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Distinct().ToList()
                    : Enumerable.Empty<string>();
            }

            /// <summary>The document with <paramref name="grant"/> as S3Audit's statement (none when null).</summary>
            public string Write(ManagedGrant? grant) => JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                if (!_members.Any(m => m.Key == "Version"))
                {
                    writer.WriteString("Version", DefaultVersion);
                }

                int position = _statementPosition < 0 ? _members.Count : _statementPosition;
                for (int i = 0; i <= _members.Count; i++)
                {
                    if (i == position)
                    {
                        WriteStatements(writer, grant);
                    }

                    if (i < _members.Count)
                    {
                        writer.WritePropertyName(_members[i].Key);
                        writer.WriteRawValue(_members[i].Value, skipInputValidation: true);
                    }
                }

                writer.WriteEndObject();
            }, indented: false);

            private void WriteStatements(Utf8JsonWriter writer, ManagedGrant? grant)
            {
                writer.WritePropertyName("Statement");
                writer.WriteStartArray();
                foreach (string statement in OtherStatements)
                {
                    writer.WriteRawValue(statement, skipInputValidation: true);
                }

                if (grant != null)
                {
                    WriteGrant(writer, grant);
                }

                writer.WriteEndArray();
            }

            private static void WriteGrant(Utf8JsonWriter writer, ManagedGrant grant)
            {
                writer.WriteStartObject();
                writer.WriteString("Sid", StatementId);
                writer.WriteString("Effect", "Allow");
                writer.WriteStartObject("Principal");
                writer.WriteString("Service", LoggingService);
                writer.WriteEndObject();
                writer.WriteString("Action", "s3:PutObject");
                JsonText.StringOrList(writer, "Resource", grant.Resources);
                writer.WriteStartObject("Condition");
                writer.WriteStartObject("ArnLike");
                JsonText.StringOrList(writer, "aws:SourceArn", grant.SourceArns);
                writer.WriteEndObject();
                writer.WriteStartObject("StringEquals");
                JsonText.StringOrList(writer, "aws:SourceAccount", grant.SourceAccounts);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }
    }

    /// <summary>A merged policy document and whether it differs from the current one.</summary>
    public sealed class PolicyMergeResult
    {
        internal PolicyMergeResult(string? policy, bool changed)
        {
            Policy = policy;
            Changed = changed;
        }

        /// <summary>The policy to write; null means the bucket should have no policy.</summary>
        public string? Policy { get; }
        /// <summary>False when the current policy already says all of it: nothing to write.</summary>
        public bool Changed { get; }
    }
}
