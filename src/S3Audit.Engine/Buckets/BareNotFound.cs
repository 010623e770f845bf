using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Buckets
{
    /// <summary>
    /// AWSSDK.S3 4 returns some 404 answers without throwing and without their error document (GetBucketWebsite,
    /// GetBucketEncryption, GetBucketLogging among them). S3 answers those with either "nothing configured" or
    /// NoSuchBucket; a HEAD of the bucket tells the two apart, so a missing bucket never reads as "off".
    /// </summary>
    internal static class BareNotFound
    {
        /// <summary>Returns when the bucket exists (a 403 proves it, too); throws NoSuchBucket when it does not.</summary>
        public static async Task EnsureBucketExistsAsync(S3Session session, string bucket, CancellationToken cancellationToken)
        {
            try
            {
                await session.Client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new AmazonS3Exception($"The bucket '{bucket}' does not exist.", e, Amazon.Runtime.ErrorType.Sender, "NoSuchBucket", e.RequestId, HttpStatusCode.NotFound);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
            {
                // Forbidden, not missing.
            }
        }
    }
}
