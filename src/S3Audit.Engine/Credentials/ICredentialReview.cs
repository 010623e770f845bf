using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// A credential review: <see cref="CredentialReviewer"/> (IAM API: AWS, Ceph) or <see cref="LyveCredentialReviewer"/>
    /// (Lyve Account API). .NET callers such as Invoke-S3Audit take the rows; cmdlets use <see cref="CredentialReviewExtensions.RunAsync"/>.
    /// </summary>
    public interface ICredentialReview
    {
        /// <summary>The rows; errors, warnings and verbose lines go to <paramref name="output"/>.</summary>
        Task<IReadOnlyList<S3AuditCredential>> ReviewAsync(CredentialReviewRequest request, IAuditOutput output, CancellationToken cancellationToken);
    }

    /// <summary>Runs a review as a pipeline step.</summary>
    public static class CredentialReviewExtensions
    {
        /// <summary>Runs the review and writes each row to <paramref name="output"/>.</summary>
        public static async Task RunAsync(this ICredentialReview review, CredentialReviewRequest request, IAuditOutput output, CancellationToken cancellationToken) =>
            Write(await review.ReviewAsync(request, output, cancellationToken).ConfigureAwait(false), output);

        /// <summary>Writes each row to <paramref name="output"/>.</summary>
        internal static void Write(IEnumerable<S3AuditCredential> rows, IAuditOutput output)
        {
            foreach (S3AuditCredential row in rows)
            {
                output.WriteObject(row);
            }
        }
    }
}
