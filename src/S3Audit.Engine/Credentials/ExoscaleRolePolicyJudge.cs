using System;
using System.Linq;
using System.Text.Json;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// What an Exoscale IAM role policy allows on SOS: {default-service-strategy, services: {sos: {type allow|deny|rules, rules}}}.
    /// Rules run in order and the first matching one decides; an allow rule with the expression "true" that no deny
    /// rule precedes allows everything that reaches it.
    /// </summary>
    internal static class ExoscaleRolePolicyJudge
    {
        public static (string Description, bool FullSos, bool FullAdmin) Judge(JsonElement policy)
        {
            if (policy.ValueKind != JsonValueKind.Object)
            {
                return ("no policy", false, false);
            }

            bool defaultAllow = JsonFields.Text(policy, "default-service-strategy") == "allow";
            JsonElement services = policy.TryGetProperty("services", out JsonElement s) && s.ValueKind == JsonValueKind.Object ? s : default;
            bool anyService = services.ValueKind == JsonValueKind.Object && services.EnumerateObject().Any();
            bool allServicesAllowed = services.ValueKind != JsonValueKind.Object || services.EnumerateObject().All(p => JsonFields.Text(p.Value, "type") == "allow");
            if (defaultAllow && allServicesAllowed)
            {
                return (anyService ? "every service allowed" : "default allow, no service restricted", true, true);
            }

            if (services.ValueKind != JsonValueKind.Object || !services.TryGetProperty("sos", out JsonElement sos))
            {
                return defaultAllow ? ("SOS allowed by default", true, false) : ("no SOS access", false, false);
            }

            switch (JsonFields.Text(sos, "type"))
            {
                case "allow":
                    return ("SOS allowed", true, false);
                case "deny":
                    return ("SOS denied", false, false);
                default:
                    var rules = sos.TryGetProperty("rules", out JsonElement r) && r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().ToList() : new System.Collections.Generic.List<JsonElement>();
                    foreach (JsonElement rule in rules)
                    {
                        bool always = JsonFields.Text(rule, "expression").Trim() == "true";
                        string action = JsonFields.Text(rule, "action");
                        if (action == "deny")
                        {
                            break;
                        }

                        if (always && action == "allow")
                        {
                            return ($"SOS rules allow everything (rule 'true' before any deny)", true, false);
                        }
                    }

                    return ($"SOS by {rules.Count} rule(s)", false, false);
            }
        }

        /// <summary>The judgement as an AWS-style policy, so the shared access summary and findings apply.</summary>
        public static PolicyDocument AsPolicy(bool fullSos, bool fullAdmin) =>
            PolicyDocument.Parse(fullAdmin ? "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"
                : fullSos ? "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"
                : "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}");
    }
}
