using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Policies;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// The documents of attached (managed) policies, each read once: GetPolicy then GetPolicyVersion. The AWS-managed
    /// policies that matter most for S3 are known here, so servers without GetPolicy (RGW) are still judged.
    /// </summary>
    internal sealed class ManagedPolicyResolver
    {
        private static readonly IReadOnlyDictionary<string, string> KnownAwsManaged = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["arn:aws:iam::aws:policy/AdministratorAccess"] = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"s3-object-lambda:*\"],\"Resource\":\"*\"}]}",
            ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"] = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\",\"s3:Describe*\",\"s3-object-lambda:Get*\",\"s3-object-lambda:List*\"],\"Resource\":\"*\"}]}",
        };

        private readonly IamQueryClient _iam;
        private readonly ConcurrentDictionary<string, Lazy<Task<PolicyDocument>>> _cache = new ConcurrentDictionary<string, Lazy<Task<PolicyDocument>>>(StringComparer.Ordinal);

        public ManagedPolicyResolver(IamQueryClient iam) => _iam = iam;

        /// <summary>The policy's default version; throws what IAM threw (or a PolicyParseException).</summary>
        public Task<PolicyDocument> GetAsync(string policyArn, CancellationToken cancellationToken) =>
            _cache.GetOrAdd(policyArn, arn => new Lazy<Task<PolicyDocument>>(() => ReadAsync(arn, cancellationToken))).Value;

        private async Task<PolicyDocument> ReadAsync(string arn, CancellationToken cancellationToken)
        {
            if (KnownAwsManaged.TryGetValue(arn, out string? known))
            {
                return PolicyDocument.Parse(known);
            }

            XElement policy = await _iam.CallAsync("GetPolicy", IamQueryClient.With("PolicyArn", arn), cancellationToken).ConfigureAwait(false);
            string version = policy.Child("Policy")?.Text("DefaultVersionId") ?? string.Empty;
            XElement result = await _iam.CallAsync("GetPolicyVersion", new Dictionary<string, string> { ["PolicyArn"] = arn, ["VersionId"] = version }, cancellationToken).ConfigureAwait(false);
            return PolicyDocument.Parse(IamXml.PolicyText(result.Child("PolicyVersion")?.Text("Document") ?? string.Empty));
        }
    }
}
