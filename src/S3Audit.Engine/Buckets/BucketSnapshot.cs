using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Acl;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Policies;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Buckets
{
    /// <summary>
    /// The settings of one bucket that exposure and posture both need, each read at most once (failures are
    /// written to the output once, too). Create one per bucket and pass it to <c>ExposureAuditor</c> and
    /// <c>BucketPostureReader</c> to share the reads.
    /// </summary>
    public sealed class BucketSnapshot
    {
        private readonly S3Session _session;
        private readonly IAuditOutput _output;
        private readonly CancellationToken _cancellationToken;
        private readonly Lazy<Task<ObjectOwnershipState>> _ownership;
        private readonly Lazy<Task<Readout<IReadOnlyList<S3AuditAclGrant>>>> _acl;
        private readonly Lazy<Task<Readout<string>>> _policy;
        private readonly Lazy<Task<PolicyDocument>> _policyDocument;
        private readonly Lazy<Task<Readout<PublicAccessBlockFlags>>> _publicAccessBlock;
        private readonly Lazy<Task<Readout<string>>> _website;

        /// <summary>Creates a snapshot; nothing is read until asked for.</summary>
        public BucketSnapshot(S3Session session, string bucketName, IAuditOutput output, CancellationToken cancellationToken)
        {
            _session = session;
            BucketName = bucketName;
            _output = output;
            _cancellationToken = cancellationToken;
            _ownership = new Lazy<Task<ObjectOwnershipState>>(() => ObjectOwnershipReader.ReadAsync(session, bucketName, cancellationToken));
            _acl = new Lazy<Task<Readout<IReadOnlyList<S3AuditAclGrant>>>>(ReadAclAsync);
            _policy = new Lazy<Task<Readout<string>>>(ReadPolicyAsync);
            _policyDocument = new Lazy<Task<PolicyDocument>>(ParsePolicyAsync);
            _publicAccessBlock = new Lazy<Task<Readout<PublicAccessBlockFlags>>>(ReadPublicAccessBlockAsync);
            _website = new Lazy<Task<Readout<string>>>(ReadWebsiteAsync);
        }

        /// <summary>The bucket.</summary>
        public string BucketName { get; }

        /// <summary>Object Ownership (Unknown with the reason when unreadable).</summary>
        public Task<ObjectOwnershipState> OwnershipAsync() => _ownership.Value;

        /// <summary>The bucket ACL's grants; NotSupported where ACLs do not govern access (MinIO, Lyve).</summary>
        public Task<Readout<IReadOnlyList<S3AuditAclGrant>>> AclAsync() => _acl.Value;

        /// <summary>The bucket policy text (AWS JSON or Exoscale's language); NotConfigured when there is none.</summary>
        public Task<Readout<string>> PolicyAsync() => _policy.Value;

        /// <summary>
        /// The policy text parsed as AWS JSON, once for every judge of the bucket: a policy that does not parse throws
        /// the same <see cref="PolicyParseException"/> to each. Ask only when <see cref="PolicyAsync"/> came back Read.
        /// </summary>
        internal Task<PolicyDocument> PolicyDocumentAsync() => _policyDocument.Value;

        /// <summary>The bucket-level Block Public Access; NotConfigured when none is set.</summary>
        public Task<Readout<PublicAccessBlockFlags>> PublicAccessBlockAsync() => _publicAccessBlock.Value;

        /// <summary>The website index document; NotConfigured when website hosting is off.</summary>
        public Task<Readout<string>> WebsiteAsync() => _website.Value;

        private Task<Readout<IReadOnlyList<S3AuditAclGrant>>> ReadAclAsync() =>
            SettingReader.ReadAsync<IReadOnlyList<S3AuditAclGrant>>(_session, BucketName, "GetBucketAcl", S3Feature.Acl, async ct =>
            {
                GetBucketAclResponse acl = await _session.Client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = BucketName }, ct).ConfigureAwait(false);
                return Readout<IReadOnlyList<S3AuditAclGrant>>.Of(AclGrantMapper.ToRows(BucketName, string.Empty, acl.Owner, acl.Grants, null, _session.Provider, _session.Region).ToList());
            }, Array.Empty<string>(), string.Empty, _output, _cancellationToken);

        private Task<Readout<string>> ReadPolicyAsync()
        {
            S3Feature feature = _session.Capabilities.Supports(S3Feature.ExoscaleBucketPolicy) ? S3Feature.ExoscaleBucketPolicy : S3Feature.AwsBucketPolicy;
            return SettingReader.ReadAsync(_session, BucketName, "GetBucketPolicy", feature, async ct =>
            {
                var answer = BucketPolicyAnswer.Of(await _session.Client.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = BucketName }, ct).ConfigureAwait(false));
                if (answer.ErrorCode != null)
                {
                    throw new Amazon.S3.AmazonS3Exception($"The service answered {answer.ErrorCode}.", Amazon.Runtime.ErrorType.Sender, answer.ErrorCode, string.Empty,
                        answer.Status == 0 ? HttpStatusCode.NotFound : answer.Status);
                }

                return answer.HasNoPolicy ? Readout<string>.NotConfigured("The bucket has no policy.") : Readout<string>.Of(answer.Policy!);
            }, new[] { "NoSuchBucketPolicy" }, "The bucket has no policy.", _output, _cancellationToken);
        }

        private async Task<PolicyDocument> ParsePolicyAsync()
        {
            Readout<string> policy = await PolicyAsync().ConfigureAwait(false);
            if (policy.State != ReadState.Read)
            {
                throw new InvalidOperationException($"The policy of bucket '{BucketName}' was not read ({policy.State}), so there is nothing to parse.");
            }

            return PolicyDocument.Parse(policy.Value!);
        }

        private Task<Readout<PublicAccessBlockFlags>> ReadPublicAccessBlockAsync() =>
            SettingReader.ReadAsync(_session, BucketName, "GetPublicAccessBlock", S3Feature.BlockPublicAccess, async ct =>
            {
                GetPublicAccessBlockResponse response = await _session.Client.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = BucketName }, ct).ConfigureAwait(false);
                PublicAccessBlockConfiguration? c = response.PublicAccessBlockConfiguration;
                if (c == null)
                {
                    return Readout<PublicAccessBlockFlags>.NotConfigured("No bucket-level Block Public Access is set.");
                }

                return Readout<PublicAccessBlockFlags>.Of(new PublicAccessBlockFlags(c.BlockPublicAcls == true, c.IgnorePublicAcls == true, c.BlockPublicPolicy == true, c.RestrictPublicBuckets == true));
            }, new[] { "NoSuchPublicAccessBlockConfiguration" }, "No bucket-level Block Public Access is set.", _output, _cancellationToken);

        private Task<Readout<string>> ReadWebsiteAsync() =>
            SettingReader.ReadAsync(_session, BucketName, "GetBucketWebsite", S3Feature.Website, async ct =>
            {
                GetBucketWebsiteResponse response = await _session.Client.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = BucketName }, ct).ConfigureAwait(false);
                await BareNotFound.CheckAsync(response, _session, BucketName, ct).ConfigureAwait(false);
                WebsiteConfiguration? website = response.WebsiteConfiguration;
                if (website == null ||
                    (string.IsNullOrEmpty(website.IndexDocumentSuffix) && website.RedirectAllRequestsTo == null))
                {
                    return Readout<string>.NotConfigured("Website hosting is off.");
                }

                return Readout<string>.Of(website.IndexDocumentSuffix ?? "redirect to " + website.RedirectAllRequestsTo?.HostName);
            }, new[] { "NoSuchWebsiteConfiguration" }, "Website hosting is off.", _output, _cancellationToken);
    }
}
