using System;
using Amazon.Runtime.CredentialManagement;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Connection
{
    /// <summary>
    /// -Region, then AWS_REGION/AWS_DEFAULT_REGION, then the profile's region, then the endpoint's, then us-east-1. The
    /// source is one verbose sentence that names the region once.
    /// </summary>
    internal static class RegionResolver
    {
        public const string FallbackRegion = "us-east-1";

        /// <summary>The region, where it came from, and whether anyone gave it (false for the us-east-1 fallback).</summary>
        public static (string Region, string Source, bool Given) Resolve(S3ConnectionOptions options, CredentialProfile? profile)
        {
            if (!string.IsNullOrWhiteSpace(options.Region))
            {
                return (options.Region!, $"Region {options.Region} from the -Region parameter.", true);
            }

            foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            {
                string? value = Environment.GetEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return (value!, $"Region {value} from the {variable} environment variable.", true);
                }
            }

            if (profile?.Region != null)
            {
                return (profile.Region.SystemName, $"Region {profile.Region.SystemName} from profile '{profile.Name}'.", true);
            }

            string? fromEndpoint = ProviderDetector.RegionFromEndpoint(options.EndpointUrl);
            if (fromEndpoint != null)
            {
                return (fromEndpoint, $"Region {fromEndpoint} from the endpoint host name.", true);
            }

            return (FallbackRegion, $"No region was given; using {FallbackRegion}.", false);
        }
    }
}
