using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Exoscale;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// The credential review a session's own keys can run: Exoscale's API on Exoscale, the IAM API elsewhere.
    /// (Lyve's Account API needs other credentials: <see cref="LyveCredentialReviewer"/>.)
    /// </summary>
    public static class SessionCredentialReview
    {
        /// <summary>True when the session's provider offers a review with the session's keys.</summary>
        public static bool IsAvailable(S3Session session) =>
            session.Provider == S3Provider.Exoscale || session.Capabilities.Supports(S3Feature.IamApi);

        /// <summary>The rows; throws <see cref="FeatureNotSupportedException"/> when <see cref="IsAvailable"/> is false.</summary>
        public static async Task<IReadOnlyList<S3AuditCredential>> ReviewAsync(S3Session session, CredentialReviewRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            if (session.Provider == S3Provider.Exoscale)
            {
                using ExoscaleApiClient api = ExoscaleApiClient.ForSession(session, request.IamEndpoint);
                output.WriteVerbose($"Exoscale API v2 at {api.BaseUrl}.");
                return await new ExoscaleCredentialReviewer(api).ReviewAsync(request, output, cancellationToken).ConfigureAwait(false);
            }

            session.Capabilities.Require(S3Feature.IamApi);
            return await new CredentialReviewer(session).ReviewAsync(request, output, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Runs the review and writes each row to <paramref name="output"/>.</summary>
        public static async Task RunAsync(S3Session session, CredentialReviewRequest request, IAuditOutput output, CancellationToken cancellationToken) =>
            CredentialReviewExtensions.Write(await ReviewAsync(session, request, output, cancellationToken).ConfigureAwait(false), output);
    }
}
