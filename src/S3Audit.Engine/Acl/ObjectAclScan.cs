using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Acl
{
    /// <summary>How many object ACLs a scan read, and how many of those reads failed.</summary>
    internal readonly struct ObjectAclScanResult
    {
        public ObjectAclScanResult(int done, int failed, bool truncated)
        {
            Done = done;
            Failed = failed;
            Truncated = truncated;
        }

        public int Done { get; }
        public int Failed { get; }
        /// <summary>True when the limit stopped the scan with objects still listed after it: those were not read.</summary>
        public bool Truncated { get; }
    }

    /// <summary>
    /// Reads object ACLs: one object, or every listed object under a prefix with bounded parallel requests and
    /// progress. A failed read is reported (ObjectAccessDenied, ObjectNotFound ...) and counted; a failed listing is
    /// thrown to the caller, which decides what it means.
    /// </summary>
    internal static class ObjectAclScan
    {
        /// <summary>The grants of one object's ACL (rows carry the bucket's <paramref name="region"/>), or null after writing the error.</summary>
        public static async Task<IReadOnlyList<S3AuditAclGrant>?> ReadAsync(S3Session session, string bucket, string region, string key, bool? aclsInForce, IAuditOutput output, CancellationToken cancellationToken)
        {
            try
            {
                GetObjectAclResponse acl = await session.Client.GetObjectAclAsync(new GetObjectAclRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
                return AclGrantMapper.ToRows(bucket, key, acl.Owner, acl.Grants, aclsInForce, session.Provider, region).ToList();
            }
            catch (Exception e) when (S3ErrorClassifier.IsItemFailure(e, cancellationToken))
            {
                output.WriteError(S3ErrorClassifier.Classify(e, "GetObjectAcl", bucket, key));
                return null;
            }
        }

        /// <summary>
        /// Lists the objects under <paramref name="prefix"/> (at most <paramref name="maxObjects"/>; 0 means all) and
        /// hands each object's grants to <paramref name="onAcl"/> in listing (key) order, on the calling thread, while
        /// up to <paramref name="throttleLimit"/> reads run at once.
        /// </summary>
        public static async Task<ObjectAclScanResult> ListAndReadAsync(S3Session session, string bucket, string region, string? prefix, bool recurse, int maxObjects, int throttleLimit,
            int activityId, bool? aclsInForce, Action<string, IReadOnlyList<S3AuditAclGrant>> onAcl, IAuditOutput output, CancellationToken cancellationToken)
        {
            int listed = 0, done = 0, failed = 0;
            bool truncated = false;
            string activity = $"Reading object ACLs in '{bucket}'";
            try
            {
                await BoundedParallel.ForEachInOrderAsync(Keys(ObjectLister.ListAsync(session, bucket, prefix, recurse, cancellationToken)), throttleLimit, async (key, ct) =>
                {
                    IReadOnlyList<S3AuditAclGrant>? grants = await ReadAsync(session, bucket, region, key, aclsInForce, output, ct).ConfigureAwait(false);
                    if (grants == null)
                    {
                        Interlocked.Increment(ref failed);
                    }

                    int finished = Interlocked.Increment(ref done);
                    if (finished % 100 == 0)
                    {
                        output.WriteProgress(new AuditProgress(activityId, activity, $"{finished} of {Volatile.Read(ref listed)} listed objects read"));
                    }

                    return grants;
                }, (key, grants) =>
                {
                    if (grants != null)
                    {
                        onAcl(key, grants);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                output.WriteProgress(new AuditProgress(activityId, activity, $"{done} object ACL(s) read", 100, completed: true));
            }

            return new ObjectAclScanResult(done, failed, truncated);

            async IAsyncEnumerable<string> Keys(IAsyncEnumerable<ListedObject> objects, [EnumeratorCancellation] CancellationToken token = default)
            {
                await foreach (ListedObject item in objects.WithCancellation(token).ConfigureAwait(false))
                {
                    if (maxObjects > 0 && listed >= maxObjects)
                    {
                        truncated = true; // an object beyond the limit was listed
                        yield break;
                    }

                    Interlocked.Increment(ref listed);
                    yield return item.Key;
                }
            }
        }
    }
}
