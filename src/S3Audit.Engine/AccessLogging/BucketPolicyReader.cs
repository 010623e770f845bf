using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;

namespace S3Audit.Engine.AccessLogging
{
    /// <summary>
    /// Reads a bucket policy and tells "the bucket has no policy" apart from "the policy could not be read".
    /// Only the first may be treated as an empty policy: merging into an unread policy would overwrite it.
    /// </summary>
    internal static class BucketPolicyReader
    {
        public static async Task<BucketPolicyRead> ReadAsync(S3Session session, string bucket, CancellationToken cancellationToken)
        {
            GetBucketPolicyResponse response;
            try
            {
                response = await session.Client.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return S3ErrorClassifier.ErrorCode(e) == "NoSuchBucketPolicy"
                    ? BucketPolicyRead.None()
                    : BucketPolicyRead.Unreadable(S3ErrorClassifier.Classify(e, "GetBucketPolicy", bucket));
            }

            // The SDK does not throw on 404 here: the error document then sits in Policy.
            string body = response.Policy ?? string.Empty;
            if (response.HttpStatusCode == HttpStatusCode.NotFound && body.Contains("NoSuchBucketPolicy"))
            {
                return BucketPolicyRead.None();
            }

            if (response.HttpStatusCode != HttpStatusCode.OK || !body.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                string code = ErrorCodeOf(body);
                return BucketPolicyRead.Unreadable(new AuditError("AccessLoggingPolicyUnreadable", code == "NoSuchBucket" ? AuditErrorKind.NotFound : AuditErrorKind.Other,
                    $"GetBucketPolicy on bucket '{bucket}' answered HTTP {(int)response.HttpStatusCode} {code}; the current policy is unknown, so nothing was written.", bucket));
            }

            return BucketPolicyRead.Present(body);
        }

        private static string ErrorCodeOf(string body)
        {
            int start = body.IndexOf("<Code>", StringComparison.Ordinal);
            int end = body.IndexOf("</Code>", StringComparison.Ordinal);
            return start >= 0 && end > start ? body.Substring(start + 6, end - start - 6) : "(no error code)";
        }
    }

    /// <summary>The outcome of reading a bucket policy.</summary>
    internal sealed class BucketPolicyRead
    {
        private BucketPolicyRead(bool readable, string? policy, AuditError? error)
        {
            Readable = readable;
            Policy = policy;
            Error = error;
        }

        /// <summary>True when the policy is known (present or absent).</summary>
        public bool Readable { get; }
        /// <summary>The policy JSON; null when the bucket has none.</summary>
        public string? Policy { get; }
        /// <summary>Why it could not be read.</summary>
        public AuditError? Error { get; }

        public static BucketPolicyRead None() => new BucketPolicyRead(true, null, null);
        public static BucketPolicyRead Present(string policy) => new BucketPolicyRead(true, policy, null);
        public static BucketPolicyRead Unreadable(AuditError error) => new BucketPolicyRead(false, null, error);
    }
}
