using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Http;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// Reviews who holds keys to the storage through the IAM Query API (AWS, Ceph RGW): one
    /// <see cref="S3AuditCredential"/> per access key or per identity without keys, with findings. Uses the
    /// credential report where the server offers it (AWS) and falls back to per-user calls (Ceph).
    /// </summary>
    public sealed class CredentialReviewer : ICredentialReview
    {
        private readonly S3Session _session;

        /// <summary>Creates a reviewer on a session (its credentials sign the IAM requests).</summary>
        public CredentialReviewer(S3Session session) => _session = session;

        /// <summary>
        /// The rows, ordered root, users, roles, by name. Errors, warnings and verbose lines go to
        /// <paramref name="output"/>; <see cref="FeatureNotSupportedException"/> when the provider has no IAM API.
        /// </summary>
        public async Task<IReadOnlyList<S3AuditCredential>> ReviewAsync(CredentialReviewRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            request.Validate();
            _session.Capabilities.Require(S3Feature.IamApi);
            Uri endpoint = request.IamEndpoint ?? (string.IsNullOrEmpty(_session.EndpointUrl) ? IamQueryClient.AwsEndpoint : new Uri(_session.EndpointUrl));
            output.WriteVerbose($"IAM Query API at {endpoint.GetLeftPart(UriPartial.Authority)}, signed for us-east-1.");

            using SignedRequestClient signed = _session.CreateSignedClient("us-east-1");
            var iam = new IamQueryClient(signed, endpoint);
            var policies = new IamPolicyCollector(iam, output);
            var identities = new ConcurrentBag<IdentityFacts>();

            IReadOnlyList<CredentialReportRow>? report = await CredentialReportReader.TryReadAsync(iam, request.ReportPolls, output, cancellationToken).ConfigureAwait(false);
            CredentialReportRow? root = report?.FirstOrDefault(r => r.IsRoot);
            if (root != null && request.Selects(root.User))
            {
                identities.Add(RootFacts(root));
            }

            IReadOnlyList<XElement> users = await ListUsersAsync(iam, request, _session.Provider, output, cancellationToken).ConfigureAwait(false);
            var collector = new IamUserCollector(iam, policies, report, output);
            await BoundedParallel.ForEachAsync(users, request.ThrottleLimit, async (user, ct) =>
                identities.Add(await collector.CollectAsync(user, ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);

            if (request.IncludeRoles)
            {
                foreach (IdentityFacts role in (await new IamRoleCollector(iam, policies, output).CollectAsync(cancellationToken).ConfigureAwait(false)).Where(r => request.Selects(r.UserName)))
                {
                    identities.Add(role);
                }
            }

            DateTimeOffset now = request.Now ?? DateTimeOffset.UtcNow;
            return identities
                .OrderBy(i => i.IdentityType == "Root" ? 0 : i.IdentityType == "User" ? 1 : 2)
                .ThenBy(i => i.UserName, StringComparer.Ordinal)
                .SelectMany(i => CredentialRules.Evaluate(i, request, _session.Provider, now))
                .ToList();
        }

        private static async Task<IReadOnlyList<XElement>> ListUsersAsync(IamQueryClient iam, CredentialReviewRequest request, S3Provider provider, IAuditOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<XElement> users;
            try
            {
                users = await iam.ListAsync("ListUsers", null, "Users", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && S3ErrorClassifier.KindOf(e) == AuditErrorKind.NotSupported)
            {
                // Nothing else of the IAM API will answer either: one error that says why, instead of one per call.
                throw new AuditException(IamNotAvailable.Error(e, iam.Endpoint, provider));
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !S3ErrorClassifier.EndsRun(e))
            {
                output.WriteError(S3ErrorClassifier.ClassifyEntity(e, "ListUsers", $"the IAM API at {iam.Endpoint.GetLeftPart(UriPartial.Authority)}", iam.Endpoint.ToString(), "Iam"));
                return new XElement[0];
            }

            output.WriteVerbose($"ListUsers answered with {users.Count} user(s).");
            return users.Where(u => request.Selects(u.Text("UserName"))).ToList();
        }

        private static IdentityFacts RootFacts(CredentialReportRow row)
        {
            var facts = new IdentityFacts
            {
                IdentityType = "Root",
                UserName = row.User,
                Arn = row.Arn,
                Created = row.Created,
                PasswordEnabled = row.PasswordEnabled,
                PasswordLastUsed = row.PasswordLastUsed,
                MfaActive = row.MfaActive,
                Source = "CredentialReport",
            };
            foreach (ReportKey reportKey in row.Keys)
            {
                var key = new KeyFacts { Status = reportKey.Active ? "Active" : "Inactive", Created = reportKey.LastRotated };
                IamUserCollector.FromReport(key, reportKey);
                facts.Keys.Add(key);
            }

            // The root user can do everything: its S3Access says so.
            facts.Access.Add(Policies.PolicyDocument.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
            return facts;
        }
    }
}
