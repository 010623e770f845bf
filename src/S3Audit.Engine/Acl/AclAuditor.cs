using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Acl
{
    /// <summary>Reads bucket and object ACLs and emits one <see cref="S3AuditAclGrant"/> per grant.</summary>
    public sealed class AclAuditor
    {
        private const int ProgressActivityId = 1;
        private readonly S3Session _session;

        /// <summary>Creates an auditor on a session.</summary>
        public AclAuditor(S3Session session) => _session = session;

        /// <summary>Runs the request: per-bucket failures become errors and the run goes on with the next bucket.</summary>
        public async Task RunAsync(AclRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            if (_session.Capabilities.AclAnswerIsFixed)
            {
                output.WriteWarning($"{_session.Provider} answers every ACL request with a fixed owner-only ACL that does not govern access. Use Test-S3PublicExposure, which judges the anonymous bucket policy instead.");
            }

            foreach (string bucket in await new BucketSelector(_session).SelectAsync(request.BucketNames, output, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await AuditBucketAsync(bucket, request, output, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task AuditBucketAsync(string bucket, AclRequest request, IAuditOutput output, CancellationToken cancellationToken)
        {
            ObjectOwnershipState ownership = await ObjectOwnershipReader.ReadAsync(_session, bucket, cancellationToken).ConfigureAwait(false);
            output.WriteVerbose($"Bucket '{bucket}': Object Ownership {ownership.Ownership} ({ownership.Reason})");
            string region = await RegionAsync(bucket, output, cancellationToken).ConfigureAwait(false);

            if (request.Keys.Count == 0)
            {
                try
                {
                    GetBucketAclResponse acl = await _session.Client.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
                    foreach (S3AuditAclGrant row in AclGrantMapper.ToRows(bucket, string.Empty, acl.Owner, acl.Grants, ownership.AclsInForce, _session.Provider, region))
                    {
                        output.WriteObject(row);
                    }
                }
                catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
                {
                    output.WriteError(S3ErrorClassifier.Classify(e, "GetBucketAcl", bucket));
                    return;
                }
            }

            foreach (string key in request.Keys)
            {
                await ReadObjectAclAsync(bucket, region, key, ownership.AclsInForce, output, cancellationToken).ConfigureAwait(false);
            }

            if (request.ListsObjects)
            {
                await ReadListedObjectAclsAsync(bucket, region, request, ownership.AclsInForce, output, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task ReadListedObjectAclsAsync(string bucket, string region, AclRequest request, bool? aclsInForce, IAuditOutput output, CancellationToken cancellationToken)
        {
            try
            {
                await ObjectAclScan.ListAndReadAsync(_session, bucket, region, request.Prefix, request.Recurse, 0, request.ThrottleLimit, ProgressActivityId, aclsInForce,
                    (_, grants) => WriteAll(grants, output), output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                output.WriteError(S3ErrorClassifier.Classify(e, "ListObjectsV2", bucket));
            }
        }

        private async Task ReadObjectAclAsync(string bucket, string region, string key, bool? aclsInForce, IAuditOutput output, CancellationToken cancellationToken) =>
            WriteAll(await ObjectAclScan.ReadAsync(_session, bucket, region, key, aclsInForce, output, cancellationToken).ConfigureAwait(false), output);

        /// <summary>
        /// The bucket's region as GetBucketLocation says, the value Get-S3AuditBucket gives the same bucket; Unknown when
        /// it cannot be read (the ACL rows are still written: the region is not what this cmdlet audits).
        /// </summary>
        private async Task<string> RegionAsync(string bucket, IAuditOutput output, CancellationToken cancellationToken)
        {
            try
            {
                return await BucketRegion.ReadAsync(_session, bucket, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                output.WriteVerbose($"Bucket '{bucket}': Region is Unknown: {S3ErrorClassifier.Classify(e, "GetBucketLocation", bucket).Message}");
                return "Unknown";
            }
        }

        private static void WriteAll(IReadOnlyList<S3AuditAclGrant>? grants, IAuditOutput output)
        {
            foreach (S3AuditAclGrant row in grants ?? Array.Empty<S3AuditAclGrant>())
            {
                output.WriteObject(row);
            }
        }
    }
}
