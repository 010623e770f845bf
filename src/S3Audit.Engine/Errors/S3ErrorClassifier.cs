using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Errors
{
    /// <summary>Turns SDK and transport exceptions into <see cref="AuditError"/>s with stable ids and clear messages.</summary>
    public static class S3ErrorClassifier
    {
        /// <summary>Key of a sentence in an exception's Data that the error message ends with (what else the answer can mean).</summary>
        internal const string HintKey = "S3Audit.Hint";

        /// <summary>Classifies a failure of <paramref name="operation"/> on a bucket (and optionally a key).</summary>
        /// <param name="exception">What was thrown.</param>
        /// <param name="operation">What was being done, e.g. "GetBucketAcl".</param>
        /// <param name="bucketName">The bucket, used in the message and as the target.</param>
        /// <param name="key">The object key, if any.</param>
        /// <param name="idPrefix">The error id prefix: Bucket or Object.</param>
        public static AuditError Classify(Exception exception, string operation, string bucketName, string? key = null, string? idPrefix = null)
        {
            string what = string.IsNullOrEmpty(key) ? $"bucket '{bucketName}'" : $"object '{key}' in bucket '{bucketName}'";
            string prefix = idPrefix ?? (string.IsNullOrEmpty(key) ? "Bucket" : "Object");
            object target = string.IsNullOrEmpty(key) ? bucketName : $"{bucketName}/{key}";
            return ClassifyEntity(exception, operation, what, target, prefix);
        }

        /// <summary>Classifies a failure on something other than a bucket or object (an IAM user, a role, an account API).</summary>
        /// <param name="exception">What was thrown.</param>
        /// <param name="operation">What was being done, e.g. "ListAccessKeys".</param>
        /// <param name="what">The thing in words, e.g. "IAM user 'alice'".</param>
        /// <param name="target">The error's target object.</param>
        /// <param name="idPrefix">The error id prefix, e.g. Iam gives IamAccessDenied.</param>
        public static AuditError ClassifyEntity(Exception exception, string operation, string what, object target, string idPrefix)
        {
            exception = Unwrap(exception);
            (AuditErrorKind kind, string suffix, string reason) = Describe(exception);
            return new AuditError(idPrefix + suffix, kind, operation, what, reason, target, exception);
        }

        /// <summary>Classifies a failure that is not about one bucket (ListBuckets, the endpoint itself): ids start with <paramref name="operation"/>.</summary>
        public static AuditError ClassifyRunFailure(Exception exception, string operation)
        {
            exception = Unwrap(exception);
            (AuditErrorKind kind, string suffix, string reason) = Describe(exception);
            return new AuditError(operation + suffix, kind, $"{operation} failed: {reason}", operation, exception);
        }

        /// <summary>
        /// True for a failure of one item (a bucket, a key, a setting) that the run survives: not the user's cancellation,
        /// and not a failure that ends the run (<see cref="EndsRun"/>). Per-item catch blocks filter with it.
        /// </summary>
        public static bool IsItemFailure(Exception exception, CancellationToken cancellationToken) =>
            !cancellationToken.IsCancellationRequested && !EndsRun(exception);

        /// <summary>
        /// True when <paramref name="exception"/> is (or wraps) an <see cref="AuditException"/>: the endpoint cannot be reached,
        /// the credentials were rejected, or the buckets cannot be listed. Nothing else can be read, so it is reported once.
        /// </summary>
        public static bool EndsRun(Exception exception)
        {
            for (Exception? e = exception; e != null; e = e is AggregateException a && a.InnerExceptions.Count > 0 ? a.InnerExceptions[0] : e.InnerException)
            {
                if (e is AuditException)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The kind of a failure, for callers that decide Unknown vs NotConfigured themselves.</summary>
        public static AuditErrorKind KindOf(Exception exception) => Describe(Unwrap(exception)).Kind;

        /// <summary>The S3 error code of an exception, or empty.</summary>
        public static string ErrorCode(Exception exception) => Unwrap(exception) is AmazonServiceException s ? s.ErrorCode ?? string.Empty : string.Empty;

        internal static Exception Unwrap(Exception exception)
        {
            while ((exception is AggregateException || exception is System.Reflection.TargetInvocationException || exception is AuditException) && exception.InnerException != null)
            {
                exception = exception.InnerException;
            }

            return exception;
        }

        private static (AuditErrorKind Kind, string Suffix, string Reason) Describe(Exception exception)
        {
            switch (exception)
            {
                case AuditException ended:
                    return (ended.Error.Kind, ended.Error.ErrorId, ended.Error.Message);
                case FeatureNotSupportedException notSupported:
                    return (AuditErrorKind.NotSupported, "FeatureNotSupported", notSupported.Message);
                case AmazonServiceException service:
                    return DescribeService(service);
                case TimeoutException _:
                case OperationCanceledException _:
                    // Callers filter out the user's own cancellation, so what is left here is a request timeout.
                    return (AuditErrorKind.Timeout, "Timeout", "the request timed out.");
                case HttpRequestException _:
                case WebException _:
                case IOException _:
                case AmazonClientException _:
                    return (AuditErrorKind.Connection, "ConnectionFailed", "the endpoint could not be reached: " + exception.Message);
                default:
                    return (AuditErrorKind.Other, "Failed", exception.Message);
            }
        }

        private static (AuditErrorKind, string, string) DescribeService(AmazonServiceException e)
        {
            string code = e.ErrorCode ?? string.Empty;
            int status = (int)e.StatusCode;
            string detail = $"{code} (HTTP {status}){(string.IsNullOrEmpty(e.RequestId) ? string.Empty : ", request id " + e.RequestId)}";
            (AuditErrorKind Kind, string Suffix, string Reason) described = DescribeCode(e, code, status, detail);
            return e.Data[HintKey] is string hint ? (described.Kind, described.Suffix, described.Reason + " " + hint) : described;
        }

        private static (AuditErrorKind, string, string) DescribeCode(AmazonServiceException e, string code, int status, string detail)
        {
            switch (code)
            {
                case "NoSuchBucket":
                    return (AuditErrorKind.NotFound, "NotFound", $"the bucket does not exist: {detail}.");
                case "NoSuchKey":
                case "NoSuchEntity":
                    return (AuditErrorKind.NotFound, "NotFound", $"it does not exist: {detail}.");
                case "AccessDenied":
                case "AllAccessDisabled":
                case "AccountProblem":
                case "UnauthorizedOperation":
                    return (AuditErrorKind.AccessDenied, "AccessDenied", $"access denied: {detail}. Check the identity's permissions.");
                case "InvalidAccessKeyId":
                case "SignatureDoesNotMatch":
                case "ExpiredToken":
                case "InvalidToken":
                case "TokenRefreshRequired":
                    return (AuditErrorKind.InvalidCredentials, "InvalidCredentials", $"the credentials were rejected: {detail}.");
                case "SlowDown":
                case "Throttling":
                case "ThrottlingException":
                case "RequestLimitExceeded":
                    return (AuditErrorKind.Throttled, "Throttled", $"the service kept throttling after retries: {detail}.");
                case "NotImplemented":
                case "MethodNotAllowed":
                    return (AuditErrorKind.NotSupported, "NotSupported", $"the endpoint does not implement this call: {detail}.");
            }

            if (status == 404)
            {
                return (AuditErrorKind.NotFound, "NotFound", $"not found: {detail}.");
            }

            if (status == 403)
            {
                return (AuditErrorKind.AccessDenied, "AccessDenied", $"access denied: {detail}.");
            }

            if (status == 405 || status == 501)
            {
                return (AuditErrorKind.NotSupported, "NotSupported", $"the endpoint does not implement this call: {detail}.");
            }

            return (AuditErrorKind.Other, "Failed", $"{detail}: {e.Message}");
        }
    }
}
