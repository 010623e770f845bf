using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// IAM's credential report (GenerateCredentialReport, then GetCredentialReport): the only source of the root
    /// user's keys and MFA, and of password use. Servers without it (RGW) answer 405; the review then falls back.
    /// </summary>
    internal static class CredentialReportReader
    {
        /// <summary>The report's rows, or null (with a verbose line naming the reason) when it is not offered.</summary>
        public static async Task<IReadOnlyList<CredentialReportRow>?> TryReadAsync(IamQueryClient iam, int polls, IAuditOutput output, CancellationToken cancellationToken)
        {
            try
            {
                for (int poll = 1; ; poll++)
                {
                    XElement generated = await iam.CallAsync("GenerateCredentialReport", null, cancellationToken).ConfigureAwait(false);
                    if (string.Equals(generated.Text("State"), "COMPLETE", StringComparison.OrdinalIgnoreCase) || poll >= polls)
                    {
                        break;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                }

                XElement report = await iam.CallAsync("GetCredentialReport", null, cancellationToken).ConfigureAwait(false);
                IReadOnlyList<CredentialReportRow> rows = CredentialReport.ParseBase64(report.Text("Content"));
                output.WriteVerbose($"The credential report (GetCredentialReport) answered with {rows.Count} row(s).");
                return rows;
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken) && !(e is OperationCanceledException))
            {
                string code = S3ErrorClassifier.ErrorCode(e);
                output.WriteVerbose($"No credential report ({(code.Length > 0 ? code : e.GetType().Name)}); users, keys and MFA come from ListUsers, ListAccessKeys, GetAccessKeyLastUsed and ListMFADevices.");
                return null;
            }
        }
    }
}
