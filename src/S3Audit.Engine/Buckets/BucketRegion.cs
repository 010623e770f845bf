using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Buckets
{
    /// <summary>The region a bucket lives in, as GetBucketLocation reports it.</summary>
    internal static class BucketRegion
    {
        /// <summary>
        /// S3 answers an empty location (or "US" from some S3-compatible servers) for us-east-1, and "EU" for the
        /// oldest eu-west-1 buckets.
        /// </summary>
        public static string FromLocation(string? location) =>
            string.IsNullOrEmpty(location) || location == "US" ? "us-east-1" : location == "EU" ? "eu-west-1" : location!;

        public static async Task<string> ReadAsync(S3Session session, string bucket, CancellationToken cancellationToken)
        {
            GetBucketLocationResponse response = await session.Client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            return FromLocation(response.Location?.Value);
        }
    }
}
