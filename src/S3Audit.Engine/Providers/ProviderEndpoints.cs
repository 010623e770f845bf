using System;

namespace S3Audit.Engine.Providers
{
    /// <summary>
    /// The endpoint of a provider that has one per region (Lyve Cloud, Exoscale SOS), for a caller that says -Provider
    /// and -Region but no -EndpointUrl. Every other provider but AWS needs -EndpointUrl: guessing would send the
    /// request, and the credentials, somewhere else.
    /// </summary>
    public static class ProviderEndpoints
    {
        /// <summary>The endpoint of <paramref name="provider"/> in <paramref name="region"/>.</summary>
        /// <param name="provider">Not Aws (the SDK knows AWS's endpoints).</param>
        /// <param name="region">The region.</param>
        /// <param name="regionGiven">False when the region is only the us-east-1 fallback: then no endpoint is guessed.</param>
        /// <exception cref="ArgumentException">The provider has no endpoint per region, or no region was given.</exception>
        public static string ForRegion(S3Provider provider, string region, bool regionGiven)
        {
            string? pattern = provider switch
            {
                S3Provider.Lyve => "https://s3.{0}.lyvecloud.seagate.com",
                S3Provider.Exoscale => "https://sos-{0}.exo.io",
                _ => null,
            };

            if (pattern == null)
            {
                throw new ArgumentException(
                    $"-Provider {provider} needs -EndpointUrl (for example {Example(provider)}): only AWS has a default endpoint, and Lyve and Exoscale one per -Region.");
            }

            if (!regionGiven)
            {
                throw new ArgumentException(
                    $"-Provider {provider} needs -EndpointUrl or -Region: {provider} has an endpoint per region ({string.Format(pattern, "<region>")}), and no region was given (-Region, AWS_REGION or the profile's region).");
            }

            return string.Format(pattern, region);
        }

        private static string Example(S3Provider provider) => provider switch
        {
            S3Provider.Minio => "http://minio.example.com:9000",
            S3Provider.Ceph => "http://rgw.example.com:7480",
            _ => "https://s3.example.com",
        };
    }
}
