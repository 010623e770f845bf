using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Http;
using S3Audit.Engine.Exoscale;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// Reviews Exoscale API keys (IAM v3: key + role) and legacy access keys through Exoscale's API v2: one row per
    /// key, flagging keys whose role (or legacy type) is unrestricted on SOS or on everything. The API shows no key
    /// ages or last use.
    /// </summary>
    public sealed class ExoscaleCredentialReviewer : ICredentialReview
    {
        private readonly ExoscaleApiClient _api;

        /// <summary>Creates a reviewer on an API client.</summary>
        public ExoscaleCredentialReviewer(ExoscaleApiClient api) => _api = api;

        /// <inheritdoc />
        public async Task<IReadOnlyList<S3AuditCredential>> ReviewAsync(CredentialReviewRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            request.Validate();
            var identities = new List<IdentityFacts>();
            var roles = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            try
            {
                foreach (JsonElement role in JsonFields.Items(await _api.GetAsync("iam-role", cancellationToken).ConfigureAwait(false), "iam-roles"))
                {
                    roles[JsonFields.Text(role, "id")] = role;
                }

                List<JsonElement> keys = JsonFields.Items(await _api.GetAsync("api-key", cancellationToken).ConfigureAwait(false), "api-keys");
                output.WriteVerbose($"The Exoscale API ({_api.BaseUrl}) answered with {keys.Count} API key(s) and {roles.Count} IAM role(s).");
                identities.AddRange(keys.Select(k => ApiKey(k, roles)));
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                output.WriteError(JsonApiError.ToAuditError(e, "Exoscale API keys and IAM roles", _api.BaseUrl.ToString(), "Exoscale"));
                return new S3AuditCredential[0];
            }

            try
            {
                List<JsonElement> legacy = JsonFields.Items(await _api.GetAsync("access-key", cancellationToken).ConfigureAwait(false), "access-keys");
                output.WriteVerbose($"The Exoscale API answered with {legacy.Count} legacy access key(s).");
                identities.AddRange(legacy.Select(LegacyKey));
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                output.WriteError(JsonApiError.ToAuditError(e, "Exoscale legacy access keys", _api.BaseUrl.ToString(), "Exoscale"));
            }

            DateTimeOffset now = request.Now ?? DateTimeOffset.UtcNow;
            return identities.Where(i => request.Selects(i.UserName)).OrderBy(i => i.IdentityType, StringComparer.Ordinal).ThenBy(i => i.UserName, StringComparer.Ordinal)
                .SelectMany(i => CredentialRules.Evaluate(i, request, S3Provider.Exoscale, now)).ToList();
        }

        private static IdentityFacts ApiKey(JsonElement key, IReadOnlyDictionary<string, JsonElement> roles)
        {
            string roleId = JsonFields.Text(key, "role-id");
            var facts = Key("ApiKey", key, "ExoscaleApi");
            if (roles.TryGetValue(roleId, out JsonElement role))
            {
                (string description, bool fullSos, bool fullAdmin) = ExoscaleRolePolicyJudge.Judge(role.TryGetProperty("policy", out JsonElement p) ? p : default);
                facts.Arn = $"role {JsonFields.Text(role, "name")} ({roleId})";
                facts.Access.Add(ExoscaleRolePolicyJudge.AsPolicy(fullSos, fullAdmin));
                facts.AccessText = description + Flags(facts);
            }
            else
            {
                facts.Arn = $"role {roleId}";
                facts.Access.AddUnreadable("role " + roleId);
                facts.AccessText = $"role {roleId} not readable";
            }

            return facts;
        }

        private static IdentityFacts LegacyKey(JsonElement key)
        {
            var facts = Key("LegacyKey", key, "ExoscaleApi");
            bool unrestricted = JsonFields.Text(key, "type") == "unrestricted";
            var operations = JsonFields.Strings(key, "operations");
            var resources = key.TryGetProperty("resources", out JsonElement r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(x => $"{JsonFields.Text(x, "domain")}/{JsonFields.Text(x, "resource-type")}:{JsonFields.Text(x, "resource-name")}").ToList()
                : new List<string>();
            bool sosEverywhere = !unrestricted && operations.Count == 0 && resources.Count == 0 && JsonFields.Strings(key, "tags").Contains("sos");
            facts.Access.Add(ExoscaleRolePolicyJudge.AsPolicy(unrestricted || sosEverywhere, unrestricted));
            facts.AccessText = (unrestricted ? "unrestricted legacy key"
                : $"restricted: {(operations.Count > 0 ? string.Join(", ", operations) : "tags " + string.Join(", ", JsonFields.Strings(key, "tags")))}{(resources.Count > 0 ? " on " + string.Join(", ", resources) : string.Empty)}") + Flags(facts);
            return facts;
        }

        private static IdentityFacts Key(string type, JsonElement key, string source)
        {
            var facts = new IdentityFacts { IdentityType = type, UserName = JsonFields.Text(key, "name"), Source = source };
            facts.Keys.Add(new KeyFacts { AccessKeyId = JsonFields.Text(key, "key"), Status = "Active" });
            return facts;
        }

        private static string Flags(IdentityFacts facts) => facts.Access.FullAdmin ? " [*:*]" : facts.Access.FullS3 ? " [s3:*]" : string.Empty;
    }
}
