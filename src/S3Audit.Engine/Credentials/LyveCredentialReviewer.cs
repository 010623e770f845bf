using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Http;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// Reviews Lyve Cloud service accounts through the Account API v2: one row per service account with its enabled
    /// state and what its permissions allow (read-only, write-only, all-operations; which buckets). The API shows no
    /// key ages or last use, so only access findings apply.
    /// </summary>
    public sealed class LyveCredentialReviewer : ICredentialReview
    {
        private readonly LyveAccountApiClient _api;

        /// <summary>Creates a reviewer on an Account API client.</summary>
        public LyveCredentialReviewer(LyveAccountApiClient api) => _api = api;

        /// <summary>The rows, by service-account name; failures go to <paramref name="output"/> as errors.</summary>
        public async Task<IReadOnlyList<S3AuditCredential>> ReviewAsync(CredentialReviewRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            request.Validate();
            var rows = new List<S3AuditCredential>();
            var permissions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            List<JsonElement> accounts;
            int permissionCount = 0;
            try
            {
                foreach (JsonElement permission in JsonFields.Items(await _api.GetAsync("permissions", cancellationToken).ConfigureAwait(false)))
                {
                    permissionCount++;
                    permissions[JsonFields.Text(permission, "id")] = permission;
                    permissions[JsonFields.Text(permission, "name")] = permission;
                }

                accounts = JsonFields.Items(await _api.GetAsync("service-accounts", cancellationToken).ConfigureAwait(false)).ToList();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                output.WriteError(JsonApiError.ToAuditError(e, $"Lyve Cloud at {_api.BaseUrl}", _api.BaseUrl.ToString(), "Lyve"));
                return rows;
            }

            output.WriteVerbose($"The Lyve Account API ({_api.BaseUrl}) answered with {accounts.Count} service account(s) and {permissionCount} permission(s).");
            DateTimeOffset now = request.Now ?? DateTimeOffset.UtcNow;
            foreach (JsonElement account in accounts.Where(a => request.Selects(JsonFields.Text(a, "name"))).OrderBy(a => JsonFields.Text(a, "name"), StringComparer.Ordinal))
            {
                IdentityFacts facts = await CollectAsync(account, permissions, output, cancellationToken).ConfigureAwait(false);
                rows.AddRange(CredentialRules.Evaluate(facts, request, S3Provider.Lyve, now));
            }

            return rows;
        }

        private async Task<IdentityFacts> CollectAsync(JsonElement account, IReadOnlyDictionary<string, JsonElement> permissions, IAuditOutput output, CancellationToken cancellationToken)
        {
            string id = JsonFields.Text(account, "id");
            if (!account.TryGetProperty("permissions", out _) && id.Length > 0)
            {
                try
                {
                    account = await _api.GetAsync("service-accounts/" + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    output.WriteError(JsonApiError.ToAuditError(e, $"Lyve service account '{id}'", id, "LyveServiceAccount"));
                }
            }

            string enabled = JsonFields.Text(account, "enabled");
            var facts = new IdentityFacts
            {
                IdentityType = "ServiceAccount",
                UserName = JsonFields.Text(account, "name"),
                Arn = id,
                Status = enabled == "true" ? "Enabled" : enabled == "false" ? "Disabled" : string.Empty,
                Source = "LyveAccountApi",
            };

            var described = new List<string>();
            foreach (string reference in PermissionReferences(account))
            {
                if (!permissions.TryGetValue(reference, out JsonElement permission))
                {
                    facts.Access.AddUnreadable(reference);
                    described.Add($"unknown permission {reference}");
                    continue;
                }

                described.Add(LyvePermissionMapper.Describe(permission));
                try
                {
                    facts.Access.Add(LyvePermissionMapper.ToPolicy(permission));
                }
                catch (PolicyParseException e)
                {
                    facts.Access.AddUnreadable(reference);
                    output.WriteError(new AuditError("LyvePermissionInvalid", AuditErrorKind.InvalidData, $"The policy of Lyve permission '{reference}' could not be parsed: {e.Message}", reference, e));
                }
            }

            string flags = string.Join(" ", new[] { facts.Access.FullS3 ? "[s3:*]" : null, facts.Access.ResourceStar ? "[all buckets]" : null }.Where(f => f != null));
            facts.AccessText = (described.Count == 0 ? "none" : string.Join("; ", described)) + (flags.Length > 0 ? " " + flags : string.Empty);
            return facts;
        }

        // A service account lists its permissions as ids (GET by id) or as objects with an id or name.
        private static IEnumerable<string> PermissionReferences(JsonElement account) =>
            account.TryGetProperty("permissions", out JsonElement list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() ?? string.Empty
                    : JsonFields.Text(p, "id").Length > 0 ? JsonFields.Text(p, "id") : JsonFields.Text(p, "name"))
                : Enumerable.Empty<string>();
    }
}
