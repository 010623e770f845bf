using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Credentials;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Audit.Checks
{
    /// <summary>
    /// The credentials check: Get-S3AuditCredential's review (IAM API on AWS and Ceph, Exoscale's API on Exoscale),
    /// one finding per identity or key and rule, with the profile's key-age and unused-key thresholds.
    /// </summary>
    public sealed class CredentialsCheck : IAuditCheck
    {
        /// <inheritdoc />
        public string Name => AuditCheckNames.Credentials;

        /// <inheritdoc />
        public async Task RunAsync(AuditCheckContext context, CancellationToken cancellationToken)
        {
            var request = new CredentialReviewRequest
            {
                MaxKeyAgeDays = context.Thresholds.KeyMaxAgeDays,
                MaxUnusedDays = context.Thresholds.KeyUnusedDays,
                IncludeRoles = true,
            };

            if (!SessionCredentialReview.IsAvailable(context.Session))
            {
                context.Unknown(string.Empty, "CredentialsNotReviewed",
                    $"{context.Session.Provider} has no IAM API reachable with the target's S3 keys, so credentials were not reviewed.",
                    context.Session.Provider == S3Provider.Lyve
                        ? "Review Lyve service accounts with Get-S3AuditCredential -Provider Lyve and the Account API credentials."
                        : context.Session.Capabilities.AlternativeTo(S3Feature.IamApi) ?? "Review the server's users and keys with its own administration tools.");
                return;
            }

            IReadOnlyList<S3AuditCredential> rows;
            try
            {
                rows = await SessionCredentialReview.ReviewAsync(context.Session, request, context.Output, cancellationToken).ConfigureAwait(false);
            }
            catch (AuditException e) when (e.Error.ErrorId == IamNotAvailable.Id)
            {
                // One error and one Unknown row: an IAM API that does not answer is never a clean credentials check.
                context.Output.WriteError(e.Error);
                context.Unknown(string.Empty, "CredentialsNotReviewed", e.Error.Message, "Give the target keys the IAM API answers to (on Ceph RGW: an account's root user or an account IAM user with iam:List* and iam:Get*).");
                return;
            }

            foreach (S3AuditCredential row in rows.Where(r => r.Findings.Length > 0))
            {
                string resource = row.AccessKeyId.Length > 0 ? $"{row.UserName} ({row.AccessKeyId})" : row.UserName;
                foreach (string finding in row.Findings.Split(new[] { "; " }, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    string rule = CredentialRules.RuleOf(finding);
                    CredentialRules.Remediations.TryGetValue(rule, out string? remediation);
                    context.Fail(string.Empty, resource, rule, CredentialRules.SeverityOf(finding),
                        $"{row.IdentityType} {resource}: {finding}. S3 access: {row.S3Access}",
                        remediation ?? "Review the identity with Get-S3AuditCredential.");
                }
            }
        }
    }
}
