using System;

namespace S3Audit.Engine.Providers
{
    /// <summary>Tells the provider from an endpoint's host name.</summary>
    public static class ProviderDetector
    {
        /// <summary>
        /// No endpoint or *.amazonaws.com: Aws; *.exo.io: Exoscale; *.lyvecloud.seagate.com or *.lyve.seagate.com: Lyve;
        /// anything else: Generic (MinIO and Ceph cannot be told from a host name; say -Provider).
        /// </summary>
        public static S3Provider Detect(string? endpointUrl)
        {
            if (string.IsNullOrWhiteSpace(endpointUrl))
            {
                return S3Provider.Aws;
            }

            string host = HostOf(endpointUrl!);
            if (EndsWithDomain(host, "amazonaws.com") || EndsWithDomain(host, "amazonaws.com.cn"))
            {
                return S3Provider.Aws;
            }

            if (EndsWithDomain(host, "exo.io"))
            {
                return S3Provider.Exoscale;
            }

            if (EndsWithDomain(host, "lyvecloud.seagate.com") || EndsWithDomain(host, "lyve.seagate.com"))
            {
                return S3Provider.Lyve;
            }

            return S3Provider.Generic;
        }

        /// <summary>The region encoded in a well-known endpoint host, or null.</summary>
        public static string? RegionFromEndpoint(string? endpointUrl)
        {
            if (string.IsNullOrWhiteSpace(endpointUrl))
            {
                return null;
            }

            string host = HostOf(endpointUrl!);
            string[] labels = host.Split('.');
            if (EndsWithDomain(host, "exo.io") && labels[0].StartsWith("sos-", StringComparison.OrdinalIgnoreCase))
            {
                return labels[0].Substring(4);
            }

            if ((EndsWithDomain(host, "lyvecloud.seagate.com") || EndsWithDomain(host, "lyve.seagate.com")) && labels.Length > 3 && labels[0] == "s3")
            {
                return labels[1];
            }

            if (EndsWithDomain(host, "amazonaws.com"))
            {
                foreach (string label in labels)
                {
                    if (label.Length > 4 && char.IsDigit(label[label.Length - 1]) && label.Contains("-") && !label.StartsWith("s3", StringComparison.Ordinal))
                    {
                        return label;
                    }
                }
            }

            return null;
        }

        private static string HostOf(string endpointUrl)
        {
            string candidate = endpointUrl.Contains("://") ? endpointUrl : "https://" + endpointUrl;
            return Uri.TryCreate(candidate, UriKind.Absolute, out Uri? uri) ? uri.Host.ToLowerInvariant() : endpointUrl.ToLowerInvariant();
        }

        private static bool EndsWithDomain(string host, string domain) =>
            host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);
    }
}
