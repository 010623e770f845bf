using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime.CredentialManagement;

namespace S3Audit.Engine.Completion
{
    /// <summary>Profile names to offer for -ProfileName: those of the shared credentials and config files, or of -ProfileLocation.</summary>
    public static class ProfileNameCompletion
    {
        /// <summary>
        /// The profile names starting with <paramref name="prefix"/>, sorted; none when the files cannot be read
        /// (completion never fails the command line).
        /// </summary>
        public static IReadOnlyList<string> Complete(string? prefix, string? profileLocation)
        {
            try
            {
                var chain = string.IsNullOrEmpty(profileLocation) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profileLocation);
                return chain.ListProfiles().Select(p => p.Name)
                    .Where(n => n.StartsWith(prefix ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is FormatException || e is InvalidOperationException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
