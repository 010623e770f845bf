using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Exposure
{
    /// <summary>
    /// Exoscale SOS bucket policies (Exoscale IAM policy language with CEL expressions, domain.md §8), which are
    /// enforced for anonymous requests too. A rule that allows without a source-IP restriction or a fixed identity
    /// (API key or user) is public; "identity.key != null" only keeps out anonymous callers, so it is public in the
    /// sense of AWS's AuthenticatedUsers. Rules run in order and the first whose expression is true decides, so
    /// rules after an unconditional one are never reached.
    /// </summary>
    public static class ExoscalePolicyEvaluator
    {
        private static readonly Regex Restriction = new Regex(
            @"source_ip\s*\.\s*inIpRange\s*\(|source_ip\s*(==|in\s*\[)|(identity|api_key)(\.[a-z_]+)*\s*(==\s*['""]|in\s*\[)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex NegatedRestriction = new Regex(@"!\s*\(?\s*(source_ip|identity|api_key)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex QuotedName = new Regex(@"['""]([a-z-]+)['""]", RegexOptions.CultureInvariant);
        private static readonly Regex IpRange = new Regex(@"inIpRange\s*\(\s*['""]([^'""]*)['""]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Judges an Exoscale bucket policy. Invalid JSON or shape throws <see cref="PolicyParseException"/>.</summary>
        public static PolicyEvaluation Evaluate(string policyJson)
        {
            using (JsonDocument document = PolicyDocument.ParseJson(policyJson, "Exoscale policy"))
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new PolicyParseException("The Exoscale policy must be a JSON object.", 0, 0);
                }

                string defaultStrategy = Text(root, "default-service-strategy");
                if (!root.TryGetProperty("services", out JsonElement services) || !services.TryGetProperty("sos", out JsonElement sos))
                {
                    bool open = string.Equals(defaultStrategy, "allow", StringComparison.OrdinalIgnoreCase);
                    return Single("default-service-strategy", defaultStrategy, open,
                        open ? "Public: the policy has no sos service entry and its default strategy is allow, so every request is allowed." : "No sos service entry; the default strategy denies.");
                }

                string type = Text(sos, "type");
                if (string.Equals(type, "allow", StringComparison.OrdinalIgnoreCase))
                {
                    return Single("services.sos", "allow", true, "Public: the sos service type is allow, so every request (anonymous included) is allowed.");
                }

                if (!string.Equals(type, "rules", StringComparison.OrdinalIgnoreCase))
                {
                    return Single("services.sos", type, false, $"The sos service type is '{type}': nothing is allowed.");
                }

                return new PolicyEvaluation(JudgeRules(sos));
            }
        }

        private static List<StatementVerdict> JudgeRules(JsonElement sos)
        {
            var verdicts = new List<StatementVerdict>();
            if (!sos.TryGetProperty("rules", out JsonElement rules) || rules.ValueKind != JsonValueKind.Array)
            {
                throw new PolicyParseException("services.sos has type rules but no rules list.", 0, 0);
            }

            int index = 0;
            bool reachable = true;
            foreach (JsonElement rule in rules.EnumerateArray())
            {
                string id = $"services.sos.rules[{index}]";
                string action = Text(rule, "action");
                string expression = Text(rule, "expression").Trim();
                bool allow = string.Equals(action, "allow", StringComparison.OrdinalIgnoreCase);
                PublicAccess access = AccessOf(expression);
                string why;
                bool isPublic = false;
                if (!reachable)
                {
                    why = "Never reached: an earlier rule matches every request.";
                }
                else if (!allow)
                {
                    why = $"Deny rule; read, not skipped: it decides for requests where '{expression}' is true.";
                }
                else if (IsRestricted(expression))
                {
                    why = $"Allows only requests limited by source IP or a fixed identity ('{expression}').";
                }
                else
                {
                    isPublic = true;
                    why = expression.Replace(" ", string.Empty).IndexOf("identity.key!=null", StringComparison.OrdinalIgnoreCase) >= 0
                        ? $"Public: '{expression}' admits any authenticated Exoscale key (like AuthenticatedUsers), granting {ActionAccess.Words(access)}."
                        : $"Public: '{expression}' allows without a source-IP or identity restriction, granting {ActionAccess.Words(access)}.";
                }

                verdicts.Add(new StatementVerdict(id, allow ? "Allow" : "Deny", "*", expression, isPublic, access, why));
                if (expression == "true")
                {
                    reachable = false;
                }

                index++;
            }

            return verdicts;
        }

        /// <summary>Every ||-alternative must carry a (non-negated) source-IP or fixed-identity condition.</summary>
        private static bool IsRestricted(string expression)
        {
            string trimmed = expression.Trim();
            while (trimmed.StartsWith("(", StringComparison.Ordinal) && trimmed.EndsWith(")", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(1, trimmed.Length - 2).Trim();
            }

            // AWS's breadth rule applies to source ranges here too: inIpRange('0.0.0.0/0') restricts nothing.
            return trimmed.Split(new[] { "||" }, StringSplitOptions.None)
                .All(part => Restriction.IsMatch(part) && !NegatedRestriction.IsMatch(part) &&
                             IpRange.Matches(part).Cast<Match>().All(m => SourceIpRange.WhyNotFixed(m.Groups[1].Value) == null));
        }

        private static PublicAccess AccessOf(string expression)
        {
            if (expression.IndexOf("operation", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return PublicAccess.Read | PublicAccess.Write | PublicAccess.List;
            }

            PublicAccess access = PublicAccess.None;
            foreach (string name in QuotedName.Matches(expression).Cast<Match>().Select(m => m.Groups[1].Value))
            {
                if (name.StartsWith("get-", StringComparison.Ordinal)) access |= PublicAccess.Read;
                else if (name.StartsWith("list-", StringComparison.Ordinal)) access |= PublicAccess.List;
                else if (name.StartsWith("put-", StringComparison.Ordinal) || name.StartsWith("delete-", StringComparison.Ordinal) ||
                         name.StartsWith("create-", StringComparison.Ordinal) || name.StartsWith("upload-", StringComparison.Ordinal)) access |= PublicAccess.Write;
            }

            return access == PublicAccess.None ? PublicAccess.Read | PublicAccess.Write | PublicAccess.List : access;
        }

        private static PolicyEvaluation Single(string id, string value, bool isPublic, string why) =>
            new PolicyEvaluation(new[] { new StatementVerdict(id, isPublic ? "Allow" : "Deny", "*", value, isPublic, isPublic ? PublicAccess.Read | PublicAccess.Write | PublicAccess.List : PublicAccess.None, why) });

        private static string Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
    }
}
