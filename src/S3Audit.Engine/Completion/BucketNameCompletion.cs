using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Buckets;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Completion
{
    /// <summary>
    /// Bucket names to offer for -BucketName: those the connection on the command line can list, when it can list
    /// them quickly. Tab completion must never hang or fail the command line: one attempt, a short timeout, and
    /// nothing offered on any error. A listing is kept for a minute per endpoint and identity, so repeated Tab
    /// presses do not list again.
    /// </summary>
    public static class BucketNameCompletion
    {
        /// <summary>How long a completion waits for the listing.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
        private static readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<string> Names)> Listings = new ConcurrentDictionary<string, (DateTimeOffset, IReadOnlyList<string>)>();

        /// <summary>The bucket names starting with <paramref name="prefix"/> (case-insensitive), sorted; none when the listing fails.</summary>
        public static IReadOnlyList<string> Complete(string? prefix, S3ConnectionOptions options)
        {
            IReadOnlyList<string> names = Listing(options);
            return names.Where(n => n.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }

        private static IReadOnlyList<string> Listing(S3ConnectionOptions options)
        {
            string key = string.Join("|", options.EndpointUrl, options.AccessKey, options.ProfileName, options.ProfileLocation, options.Region, options.Provider);
            if (Listings.TryGetValue(key, out var kept) && DateTimeOffset.UtcNow - kept.At < KeepFor)
            {
                return kept.Names;
            }

            options.MaxAttempts = 1;
            options.Timeout = Timeout;
            try
            {
                using var cancel = new CancellationTokenSource(Timeout);
                using S3Session session = S3Session.Open(options);
                IReadOnlyList<string> names = Task.Run(() => new BucketSelector(session).ListAllAsync(cancel.Token)).GetAwaiter().GetResult();
                Listings[key] = (DateTimeOffset.UtcNow, names);
                return names;
            }
            catch (Exception)
            {
                // Anything (no credentials, no network, access denied, timeout) means: nothing to offer.
                return Array.Empty<string>();
            }
        }
    }
}
