using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Buckets
{
    /// <summary>One listed object: key, size, last-modified time and ETag.</summary>
    public sealed class ListedObject
    {
        /// <summary>Creates a listed object.</summary>
        public ListedObject(string key, long size, System.DateTimeOffset? lastModified, string? eTag = null)
        {
            Key = key;
            Size = size;
            LastModified = lastModified;
            ETag = eTag;
        }

        /// <summary>The object key.</summary>
        public string Key { get; }
        /// <summary>Size in bytes.</summary>
        public long Size { get; }
        /// <summary>Last modification time, when the server sent one.</summary>
        public System.DateTimeOffset? LastModified { get; }
        /// <summary>The ETag as listed (quotes included), when the server sent one.</summary>
        public string? ETag { get; }
    }

    /// <summary>Paginated ListObjectsV2, streamed page by page.</summary>
    public static class ObjectLister
    {
        /// <summary>
        /// The objects under <paramref name="prefix"/>: every level when <paramref name="recurse"/>, otherwise only
        /// those directly under it ("/" as delimiter). <paramref name="startAfter"/> skips keys up to and including it.
        /// </summary>
        public static async IAsyncEnumerable<ListedObject> ListAsync(S3Session session, string bucketName, string? prefix, bool recurse,
            [EnumeratorCancellation] CancellationToken cancellationToken, string? startAfter = null, int pageSize = 1000)
        {
            string? token = null;
            do
            {
                var request = new ListObjectsV2Request
                {
                    BucketName = bucketName,
                    Prefix = string.IsNullOrEmpty(prefix) ? null : prefix,
                    Delimiter = recurse ? null : "/",
                    ContinuationToken = token,
                    StartAfter = token == null && !string.IsNullOrEmpty(startAfter) ? startAfter : null,
                    MaxKeys = pageSize,
                };
                ListObjectsV2Response page = await session.Client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                foreach (S3Object item in page.S3Objects ?? new List<S3Object>())
                {
                    yield return new ListedObject(item.Key, item.Size ?? 0, item.LastModified.HasValue ? new System.DateTimeOffset(item.LastModified.Value.ToUniversalTime()) : (System.DateTimeOffset?)null, item.ETag);
                }

                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (!string.IsNullOrEmpty(token));
        }
    }
}
