using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;
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
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                return S3ErrorClassifier.ErrorCode(e) == "NoSuchBucketPolicy"
                    ? BucketPolicyRead.None()
                    : BucketPolicyRead.Unreadable(S3ErrorClassifier.Classify(e, "GetBucketPolicy", bucket));
            }

            var answer = BucketPolicyAnswer.Of(response);
            if (answer.HasNoPolicy)
            {
                return BucketPolicyRead.None();
            }

            if (answer.ErrorCode != null)
            {
                return BucketPolicyRead.Unreadable(new AuditError("AccessLoggingPolicyUnreadable", answer.ErrorCode == "NoSuchBucket" ? AuditErrorKind.NotFound : AuditErrorKind.Other,
                    $"GetBucketPolicy on bucket '{bucket}' answered HTTP {(int)answer.Status} {answer.ErrorCode}; the current policy is unknown, so nothing was written.", bucket));
            }

            return BucketPolicyRead.Present(answer.Policy!);
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
