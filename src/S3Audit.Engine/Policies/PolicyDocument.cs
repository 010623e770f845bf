using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace S3Audit.Engine.Policies
{
    /// <summary>
    /// An AWS JSON policy (bucket, identity or trust policy) parsed into statements. Parsing is strict about shape
    /// and says exactly what is wrong and where; it does not judge the policy (evaluators do that).
    /// </summary>
    public sealed class PolicyDocument
    {
        private PolicyDocument(string version, string id, IReadOnlyList<PolicyStatement> statements)
        {
            Version = version;
            Id = id;
            Statements = statements;
        }

        /// <summary>2012-10-17, 2008-10-17, or empty when absent.</summary>
        public string Version { get; }
        /// <summary>The policy Id, or empty.</summary>
        public string Id { get; }
        /// <summary>The statements, in document order.</summary>
        public IReadOnlyList<PolicyStatement> Statements { get; }

        /// <summary>Parses a policy; <see cref="PolicyParseException"/> names the problem and its line and position.</summary>
        public static PolicyDocument Parse(string json)
        {
            using (JsonDocument document = ParseJson(json, "policy"))
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw Shape("The policy must be a JSON object.");
                }

                string version = OptionalString(root, "Version", "Version");
                string id = OptionalString(root, "Id", "Id");
                if (!TryGet(root, "Statement", out JsonElement statementElement))
                {
                    throw Shape("The policy has no Statement.");
                }

                var statements = new List<PolicyStatement>();
                if (statementElement.ValueKind == JsonValueKind.Object)
                {
                    statements.Add(ParseStatement(statementElement, 0));
                }
                else if (statementElement.ValueKind == JsonValueKind.Array)
                {
                    int index = 0;
                    foreach (JsonElement item in statementElement.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Object)
                        {
                            throw Shape($"Statement[{index}] must be an object.");
                        }

                        statements.Add(ParseStatement(item, index++));
                    }
                }
                else
                {
                    throw Shape("Statement must be an object or a list of objects.");
                }

                return new PolicyDocument(version, id, statements);
            }
        }

        /// <summary>
        /// Parses policy JSON (AWS's or another provider's language); <see cref="PolicyParseException"/> names the
        /// problem with its line and position. <paramref name="what"/> names the document in the message.
        /// </summary>
        public static JsonDocument ParseJson(string json, string what)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                throw new PolicyParseException($"The {what} document is empty.", 0, 0);
            }

            try
            {
                return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
            }
            catch (JsonException e)
            {
                long line = (e.LineNumber ?? 0) + 1, position = CharacterPosition(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0) + 1;
                throw new PolicyParseException($"The {what} is not valid JSON at line {line}, position {position}: {FirstSentence(e.Message)}", line, position, e);
            }
        }

        private static PolicyStatement ParseStatement(JsonElement element, int index)
        {
            string where = $"Statement[{index}]";
            string effect = OptionalString(element, "Effect", where + ".Effect");
            if (effect != "Allow" && effect != "Deny")
            {
                throw Shape($"{where}.Effect must be \"Allow\" or \"Deny\", not \"{effect}\".");
            }

            var statement = new PolicyStatement
            {
                Index = index,
                Sid = OptionalString(element, "Sid", where + ".Sid"),
                Effect = effect,
                Principal = TryGet(element, "Principal", out JsonElement p) ? ParsePrincipal(p, where + ".Principal") : null,
                NotPrincipal = TryGet(element, "NotPrincipal", out JsonElement np) ? ParsePrincipal(np, where + ".NotPrincipal") : null,
                Actions = StringList(element, "Action", where),
                NotActions = StringList(element, "NotAction", where),
                Resources = StringList(element, "Resource", where),
                NotResources = StringList(element, "NotResource", where),
                Conditions = TryGet(element, "Condition", out JsonElement c) ? ParseConditions(c, where + ".Condition") : Array.Empty<PolicyCondition>(),
                RawJson = element.GetRawText(),
            };

            if (statement.Actions.Count == 0 && statement.NotActions.Count == 0)
            {
                throw Shape($"{where} has neither Action nor NotAction.");
            }

            return statement;
        }

        private static PolicyPrincipal ParsePrincipal(JsonElement element, string where)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                string value = element.GetString() ?? string.Empty;
                if (value != "*")
                {
                    throw Shape($"{where} must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}}, not \"{value}\".");
                }

                return new PolicyPrincipal(true, new Dictionary<string, IReadOnlyList<string>>());
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Shape($"{where} must be \"*\" or an object.");
            }

            var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (JsonProperty kind in element.EnumerateObject())
            {
                values[kind.Name] = Strings(kind.Value, $"{where}.{kind.Name}");
            }

            return new PolicyPrincipal(false, values);
        }

        private static IReadOnlyList<PolicyCondition> ParseConditions(JsonElement element, string where)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Shape($"{where} must be an object of operators.");
            }

            var conditions = new List<PolicyCondition>();
            foreach (JsonProperty op in element.EnumerateObject())
            {
                if (op.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Shape($"{where}.{op.Name} must be an object of condition keys.");
                }

                foreach (JsonProperty key in op.Value.EnumerateObject())
                {
                    conditions.Add(new PolicyCondition(op.Name, key.Name, Strings(key.Value, $"{where}.{op.Name}.{key.Name}")));
                }
            }

            return conditions;
        }

        private static IReadOnlyList<string> StringList(JsonElement element, string name, string where) =>
            TryGet(element, name, out JsonElement value) ? Strings(value, $"{where}.{name}") : Array.Empty<string>();

        private static IReadOnlyList<string> Strings(JsonElement value, string where)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return new[] { value.GetString() ?? string.Empty };
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return new[] { value.GetRawText() };
                case JsonValueKind.Array:
                    return value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty
                        : v.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? v.GetRawText()
                        : throw Shape($"{where} must hold strings.")).ToList();
                default:
                    throw Shape($"{where} must be a string or a list of strings.");
            }
        }

        private static string OptionalString(JsonElement element, string name, string where)
        {
            if (!TryGet(element, name, out JsonElement value))
            {
                return string.Empty;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : throw Shape($"{where} must be a string.");
        }

        // Policy element names are case-sensitive in AWS; an exact match is required.
        private static bool TryGet(JsonElement element, string name, out JsonElement value) => element.TryGetProperty(name, out value);

        private static PolicyParseException Shape(string message) => new PolicyParseException(message, 0, 0);

        // System.Text.Json ends its message with its own 0-based "LineNumber: 1 | BytePositionInLine: 26." (and a Path):
        // the message gives the 1-based line and character position once, so those are cut off.
        private static string FirstSentence(string message)
        {
            int cut = message.Length;
            foreach (string tail in new[] { " Path:", " LineNumber:" })
            {
                int at = message.IndexOf(tail, StringComparison.Ordinal);
                if (at > 0 && at < cut)
                {
                    cut = at;
                }
            }

            return message.Substring(0, cut).TrimEnd(' ', '|');
        }

        /// <summary>The 0-based character position of a 0-based byte position in a line (they differ after non-ASCII text).</summary>
        private static long CharacterPosition(string json, long lineIndex, long bytePosition)
        {
            string[] lines = json.Split('\n');
            if (lineIndex >= lines.Length)
            {
                return bytePosition;
            }

            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(lines[lineIndex]);
            return System.Text.Encoding.UTF8.GetString(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)).Length;
        }
    }

    /// <summary>An invalid policy document: the message names the problem and, for JSON syntax errors, line and position.</summary>
    public sealed class PolicyParseException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        public PolicyParseException(string message, long line, long position, Exception? inner = null) : base(message, inner)
        {
            Line = line;
            Position = position;
        }

        /// <summary>1-based line of a JSON syntax error; 0 for a shape error.</summary>
        public long Line { get; }
        /// <summary>1-based position in the line; 0 for a shape error.</summary>
        public long Position { get; }
    }
}
