using System;
using System.Collections.Generic;
using System.Linq;
using Amazon;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Completion
{
    /// <summary>Region names to offer for -Region: the provider's own (Exoscale zones, AWS regions), filtered by a prefix.</summary>
    public static class RegionCompletion
    {
        /// <summary>Exoscale SOS zones (community.exoscale.com/api/sos).</summary>
        public static readonly IReadOnlyList<string> ExoscaleZones = new[] { "at-vie-1", "at-vie-2", "bg-sof-1", "ch-dk-2", "ch-gva-2", "de-fra-1", "de-muc-1" };

        /// <summary>One region offered: its name and what it is (for the completion tooltip).</summary>
        public sealed class Candidate
        {
            internal Candidate(string name, string description)
            {
                Name = name;
                Description = description;
            }

            /// <summary>The region's system name, as -Region takes it.</summary>
            public string Name { get; }

            /// <summary>"Exoscale zone", or the AWS region's display name.</summary>
            public string Description { get; }
        }

        /// <summary>
        /// The regions starting with <paramref name="prefix"/>: Exoscale zones for Exoscale, AWS regions (the SDK's
        /// list) for AWS, both for any other provider (Lyve Cloud, MinIO and Ceph take AWS-style names). The provider
        /// comes from <paramref name="provider"/>, else from the endpoint host.
        /// </summary>
        public static IReadOnlyList<Candidate> Complete(string? prefix, S3Provider? provider, string? endpointUrl)
        {
            S3Provider effective = provider ?? ProviderDetector.Detect(endpointUrl);
            IEnumerable<Candidate> exoscale = ExoscaleZones.Select(z => new Candidate(z, "Exoscale zone"));
            IEnumerable<Candidate> aws = RegionEndpoint.EnumerableAllRegions.Select(r => new Candidate(r.SystemName, r.DisplayName)).OrderBy(c => c.Name, StringComparer.Ordinal);
            IEnumerable<Candidate> all = effective == S3Provider.Exoscale ? exoscale : effective == S3Provider.Aws ? aws : exoscale.Concat(aws);
            return all.Where(c => c.Name.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }
}
