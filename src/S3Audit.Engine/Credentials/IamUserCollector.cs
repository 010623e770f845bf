using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// The facts about one IAM user: keys and their last use, password and MFA (from the credential report where
    /// there is one, else from the IAM API), groups and policies. Each failing call is reported and the rest goes on.
    /// </summary>
    internal sealed class IamUserCollector
    {
        private readonly IamQueryClient _iam;
        private readonly IamPolicyCollector _policies;
        private readonly Dictionary<string, CredentialReportRow>? _report;
        private readonly IAuditOutput _output;
        private readonly OptionalIamCall _lastUsed;
        private readonly OptionalIamCall _mfa;
        private readonly OptionalIamCall _loginProfile;

        public IamUserCollector(IamQueryClient iam, IamPolicyCollector policies, IReadOnlyList<CredentialReportRow>? report, IAuditOutput output)
        {
            _iam = iam;
            _policies = policies;
            // Looked up once per user; the first row wins should a report ever repeat a name.
            _report = report?.GroupBy(r => r.User, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _output = output;
            _lastUsed = new OptionalIamCall("GetAccessKeyLastUsed", "key last use comes from the credential report where there is one, else it is unknown.", output);
            _mfa = new OptionalIamCall("ListMFADevices", "MFA state is unknown.", output);
            _loginProfile = new OptionalIamCall("GetLoginProfile", "console password state is unknown.", output);
        }

        public async Task<IdentityFacts> CollectAsync(XElement user, CancellationToken cancellationToken)
        {
            string name = user.Text("UserName");
            CredentialReportRow? row = _report != null && _report.TryGetValue(name, out CredentialReportRow? found) ? found : null;
            var facts = new IdentityFacts
            {
                IdentityType = "User",
                UserName = name,
                Arn = user.Text("Arn"),
                Created = user.Date("CreateDate"),
                PasswordLastUsed = user.Date("PasswordLastUsed"),
                Source = row != null ? "CredentialReport+IamApi" : "IamApi",
            };

            if (row != null)
            {
                facts.PasswordEnabled = row.PasswordEnabled;
                facts.PasswordLastUsed = row.PasswordLastUsed ?? facts.PasswordLastUsed;
                facts.MfaActive = row.MfaActive;
            }
            else
            {
                await Try("ListMFADevices", name, async () => facts.MfaActive = await ReadMfaAsync(name, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                await Try("GetLoginProfile", name, async () => facts.PasswordEnabled = await ReadLoginProfileAsync(name, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }

            await Try("ListAccessKeys", name, () => ReadKeysAsync(facts, row, cancellationToken)).ConfigureAwait(false);
            await Try("ListUserPolicies", name, () => _policies.AddAsync(facts, "User", cancellationToken)).ConfigureAwait(false);
            await Try("ListGroupsForUser", name, () => _policies.AddGroupsAsync(facts, cancellationToken)).ConfigureAwait(false);
            return facts;
        }

        private async Task ReadKeysAsync(IdentityFacts facts, CredentialReportRow? row, CancellationToken cancellationToken)
        {
            IReadOnlyList<XElement> keys = await _iam.ListAsync("ListAccessKeys", IamQueryClient.With("UserName", facts.UserName), "AccessKeyMetadata", cancellationToken).ConfigureAwait(false);
            foreach (XElement key in keys.OrderBy(k => k.Date("CreateDate")))
            {
                var keyFacts = new KeyFacts { AccessKeyId = key.Text("AccessKeyId"), Status = key.Text("Status"), Created = key.Date("CreateDate") };
                await ReadLastUsedAsync(keyFacts, facts.UserName, cancellationToken).ConfigureAwait(false);
                if (!keyFacts.LastUseKnown && row != null)
                {
                    FromReport(keyFacts, MatchReportKey(row, keyFacts, facts.Keys.Count));
                }

                facts.Keys.Add(keyFacts);
            }
        }

        private Task ReadLastUsedAsync(KeyFacts key, string user, CancellationToken cancellationToken) =>
            Try("GetAccessKeyLastUsed", $"access key {Security.SecretMasker.MaskAccessKey(key.AccessKeyId)} of IAM user '{user}'", user, async () =>
            {
                XElement? answer = await _lastUsed.CallAsync<XElement?>(
                    async () => await _iam.CallAsync("GetAccessKeyLastUsed", IamQueryClient.With("AccessKeyId", key.AccessKeyId), cancellationToken).ConfigureAwait(false),
                    null).ConfigureAwait(false);
                if (answer == null)
                {
                    return; // not offered: the key's last use stays unknown unless the credential report knows it
                }

                XElement? used = answer.Child("AccessKeyLastUsed");
                key.LastUsed = used?.Date("LastUsedDate");
                key.LastUsedService = used?.Text("ServiceName") ?? string.Empty;
                key.LastUseKnown = used != null;
            });

        // The report names keys 1 and 2, not their ids: match by creation time, else by position.
        private static ReportKey? MatchReportKey(CredentialReportRow row, KeyFacts key, int position) =>
            row.Keys.FirstOrDefault(k => k.LastRotated.HasValue && key.Created.HasValue && Math.Abs((k.LastRotated.Value - key.Created.Value).TotalSeconds) < 2)
            ?? (position < row.Keys.Length ? row.Keys[position] : null);

        internal static void FromReport(KeyFacts key, ReportKey? reportKey)
        {
            if (reportKey == null)
            {
                return;
            }

            key.LastUsed = reportKey.LastUsed;
            key.LastUsedService = reportKey.LastUsedService;
            key.LastUseKnown = true;
        }

        private Task<bool?> ReadMfaAsync(string user, CancellationToken cancellationToken) =>
            _mfa.CallAsync<bool?>(async () =>
            {
                IReadOnlyList<XElement> devices = await _iam.ListAsync("ListMFADevices", IamQueryClient.With("UserName", user), "MFADevices", cancellationToken).ConfigureAwait(false);
                return devices.Count > 0;
            }, null);

        private Task<bool?> ReadLoginProfileAsync(string user, CancellationToken cancellationToken) =>
            _loginProfile.CallAsync<bool?>(async () =>
            {
                try
                {
                    await _iam.CallAsync("GetLoginProfile", IamQueryClient.With("UserName", user), cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (Exception e) when (S3ErrorClassifier.ErrorCode(e) == "NoSuchEntity")
                {
                    return false;
                }
            }, null);

        private Task Try(string operation, string user, Func<Task> work) => Try(operation, $"IAM user '{user}'", user, work);

        /// <summary>Runs <paramref name="work"/>; a failure is written as an error about <paramref name="subject"/> and the collection goes on.</summary>
        private async Task Try(string operation, string subject, string user, Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !S3ErrorClassifier.EndsRun(e))
            {
                _output.WriteError(S3ErrorClassifier.ClassifyEntity(e, operation, subject, user, "IamUser"));
            }
        }
    }
}
