using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
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
        /// <summary>
        /// Nothing to do unless <paramref name="response"/> is such a 404; then returns when the bucket exists (a 403
        /// proves it, too) and throws NoSuchBucket when it does not.
        /// </summary>
        public static async Task CheckAsync(AmazonWebServiceResponse response, S3Session session, string bucket, CancellationToken cancellationToken)
        {
            if (response.HttpStatusCode != HttpStatusCode.NotFound)
            {
                return;
            }

            try
            {
                await session.Client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new AmazonS3Exception($"The bucket '{bucket}' does not exist.", e, ErrorType.Sender, "NoSuchBucket", e.RequestId, HttpStatusCode.NotFound);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
            {
                // Forbidden, not missing.
            }
        }
    }
}
