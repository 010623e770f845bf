using System;
using S3Audit.Engine.Errors;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// The error for an IAM API that does not answer ListUsers at all (MethodNotAllowed, NotImplemented): the review
    /// cannot run. Ceph RGW answers IAM only for users of an RGW account, so there it names the likely cause.
    /// </summary>
    internal static class IamNotAvailable
    {
        /// <summary>The error id.</summary>
        public const string Id = "IamNotAvailable";

        public static AuditError Error(Exception failure, Uri endpoint, S3Provider provider)
        {
            string where = endpoint.GetLeftPart(UriPartial.Authority);
            string answer = $"{S3ErrorClassifier.ErrorCode(failure)} to ListUsers".Trim();
            string message = provider == S3Provider.Ceph
                ? $"The IAM API at {where} answered {answer}: Ceph RGW serves the IAM API only to an RGW account's root user and its IAM users, and these keys belong to a user outside any account. " +
                  "Review with the account root's keys, or list plain RGW users and their keys with 'radosgw-admin user list' and 'radosgw-admin user info --uid=<user>'."
                : $"The IAM API at {where} answered {answer}: this endpoint does not offer AWS's IAM API, so no credentials were reviewed.";
            return new AuditError(Id, AuditErrorKind.NotSupported, message, where, failure);
        }
    }
}
