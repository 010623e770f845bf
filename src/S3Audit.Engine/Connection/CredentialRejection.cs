using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// Recognises "the endpoint rejected the credentials": an answer that holds for every request of the session, so the
    /// session ends with one error instead of one per call. AWS, MinIO and Exoscale say so with an error code. Ceph RGW
    /// with STS enabled answers a wrong key or secret with a plain AccessDenied; it resolves the bucket only after
    /// authenticating (bucket names are per tenant), so an AccessDenied to a bucket request that names no bucket is an
    /// authentication failure, while a denial by policy or ownership names the bucket. RGW is told by its Server header
    /// (not by -Provider), so recorded AWS-style answers and RGW behind a proxy that rewrites the header are never read this way.
    /// </summary>
    internal static class CredentialRejection
    {
        /// <summary>Why the credentials were rejected, or null when <paramref name="error"/> says nothing about them.</summary>
        /// <param name="error">The service's answer.</param>
        /// <param name="bucketRequest">True unless the request was ListBuckets (which names no bucket on any provider).</param>
        public static string? Describe(AmazonServiceException error, bool bucketRequest)
        {
            switch (error.ErrorCode)
            {
                case "InvalidAccessKeyId":
                case "InvalidClientTokenId": // IAM and STS
                    return $"the access key id is not known to the endpoint ({error.ErrorCode})";
                case "SignatureDoesNotMatch":
                    return "the secret key does not belong to the access key (SignatureDoesNotMatch)";
                case "ExpiredToken":
                case "TokenRefreshRequired":
                    return $"the session token has expired ({error.ErrorCode})";
                case "InvalidToken":
                    return "the session token is not valid (InvalidToken)";
                case "AccessDenied" when bucketRequest && IsRgw(error) && NamesNoBucket(error):
                    return "Ceph RGW refused to authenticate the requests (AccessDenied before any bucket was looked at: RGW's answer to a wrong access key or secret key)";
                default:
                    return null;
            }
        }

        /// <summary>
        /// A sentence for an AccessDenied that may be RGW's answer to wrong credentials but cannot be told apart from a
        /// denial (ListBuckets names no bucket either way), or null.
        /// </summary>
        public static string? Hint(AmazonServiceException error, bool bucketRequest) =>
            error.ErrorCode == "AccessDenied" && !bucketRequest && IsRgw(error)
                ? "Ceph RGW gives this same answer to a wrong access key or secret key, so check those too."
                : null;

        // "Ceph Object Gateway (tentacle)"; the SDK hands over the first product token, "Ceph".
        private static bool IsRgw(AmazonServiceException error) =>
            error.InnerException is HttpErrorResponseException http && (http.Response?.GetHeaderValue("Server") ?? string.Empty).StartsWith("Ceph", System.StringComparison.Ordinal);

        // A HEAD answer has no body, so it cannot tell; only an error document read without <BucketName> counts.
        private static bool NamesNoBucket(AmazonServiceException error) => ErrorBodyHandler.NamesBucket(error) == false;
    }
}
