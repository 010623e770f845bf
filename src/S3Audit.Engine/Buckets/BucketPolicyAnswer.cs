using System;
using System.Linq;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Amazon.S3.Model;

namespace S3Audit.Engine.Buckets
{
    /// <summary>
    /// What a GetBucketPolicy response says. The SDK does not throw on a 404 here: the error document then sits in
    /// <see cref="GetBucketPolicyResponse.Policy"/>. Only an explicit NoSuchBucketPolicy (or an empty 200) means
    /// "no policy"; any other answer that is not a policy is an error with its code. Both the audit (where an error is
    /// Unknown, never a pass) and the policy merge (where an error means nothing is written) read it this way.
    /// </summary>
    internal sealed class BucketPolicyAnswer
    {
        private const string NoSuchBucketPolicy = "NoSuchBucketPolicy";

        private BucketPolicyAnswer(string? policy, string? errorCode, HttpStatusCode status)
        {
            Policy = policy;
            ErrorCode = errorCode;
            Status = status;
        }

        /// <summary>The policy JSON; null when there is none or on an error.</summary>
        public string? Policy { get; }

        /// <summary>The error code of an answer that is neither a policy nor "no policy"; null otherwise.</summary>
        public string? ErrorCode { get; }

        public HttpStatusCode Status { get; }

        public bool HasNoPolicy => Policy == null && ErrorCode == null;

        public static BucketPolicyAnswer Of(GetBucketPolicyResponse response)
        {
            string body = (response.Policy ?? string.Empty).Trim();
            HttpStatusCode status = response.HttpStatusCode;
            if (status == HttpStatusCode.OK && body.StartsWith("{", StringComparison.Ordinal))
            {
                // As sent: a merge writes back every byte it did not change.
                return new BucketPolicyAnswer(response.Policy, null, status);
            }

            if (status == HttpStatusCode.OK && body.Length == 0)
            {
                return new BucketPolicyAnswer(null, null, status);
            }

            string code = CodeOf(body);
            return code == NoSuchBucketPolicy && status == HttpStatusCode.NotFound
                ? new BucketPolicyAnswer(null, null, status)
                : new BucketPolicyAnswer(null, code, status);
        }

        /// <summary>The &lt;Code&gt; of an S3 error document, or "(no error code)".</summary>
        private static string CodeOf(string body)
        {
            try
            {
                XElement root = XElement.Parse(body);
                string? code = root.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                return string.IsNullOrEmpty(code) ? "(no error code)" : code!;
            }
            catch (XmlException)
            {
                return "(no error code)";
            }
        }
    }
}
