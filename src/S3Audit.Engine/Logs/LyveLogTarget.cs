using System;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Lyve;

namespace S3Audit.Engine.Logs
{
    /// <summary>Picks the recorded Lyve audit-log target (Set-LyveAuditTarget) that Get-S3AuditLogEntry -LyveTarget reads.</summary>
    public static class LyveLogTarget
    {
        /// <summary>
        /// The one target matching <paramref name="bucketName"/> and <paramref name="endpointUrl"/> (either may be
        /// empty to match any), or null with <paramref name="error"/> saying why (none recorded, or several to choose from).
        /// </summary>
        public static LyveTargetRecord? Find(LyveTargetStore store, string? bucketName, string? endpointUrl, out string error)
        {
            IReadOnlyList<LyveTargetRecord> targets = store.Load();
            List<LyveTargetRecord> matching = targets
                .Where(t => string.IsNullOrEmpty(bucketName) || string.Equals(t.BucketName, bucketName, StringComparison.Ordinal))
                .Where(t => string.IsNullOrEmpty(endpointUrl) || LyveTargetStore.SameEndpoint(t.EndpointUrl, endpointUrl!))
                .ToList();
            if (matching.Count == 1)
            {
                error = string.Empty;
                return matching[0];
            }

            error = matching.Count == 0
                ? $"No Lyve audit target is recorded{(string.IsNullOrEmpty(bucketName) ? "" : $" for bucket '{bucketName}'")} in {store.Path}. Record one with Set-LyveAuditTarget, or use -BucketName and -EndpointUrl."
                : $"{matching.Count} Lyve audit targets are recorded ({string.Join(", ", matching.Select(t => t.BucketName))}); choose one with -BucketName.";
            return null;
        }
    }
}
