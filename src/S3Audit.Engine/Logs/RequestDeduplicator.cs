using System.Collections.Generic;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Drops entries delivered more than once (AWS log delivery is best effort). The identity is request id +
    /// raw operation + bucket + key + time, not the request id alone: a multi-object delete logs one record per key
    /// under one request id. Entries without a request id are never dropped. Keeps a 64-bit hash per entry
    /// (about 20 bytes each). Thread-safe.
    /// </summary>
    public sealed class RequestDeduplicator
    {
        private readonly HashSet<ulong> _seen = new HashSet<ulong>();

        /// <summary>Duplicates dropped so far.</summary>
        public long Duplicates { get; private set; }

        /// <summary>True when an entry with the same identity was seen before.</summary>
        public bool IsDuplicate(S3AuditLogEntry entry)
        {
            if (entry.RequestId.Length == 0)
            {
                return false;
            }

            ulong hash = 14695981039346656037UL;
            hash = Mix(hash, entry.RequestId);
            hash = Mix(hash, entry.RawOperation);
            hash = Mix(hash, entry.BucketName);
            hash = Mix(hash, entry.Key);
            hash = (hash ^ (ulong)entry.Time.UtcTicks) * 1099511628211UL;
            lock (_seen)
            {
                if (_seen.Add(hash))
                {
                    return false;
                }

                Duplicates++;
                return true;
            }
        }

        private static ulong Mix(ulong hash, string text)
        {
            unchecked
            {
                foreach (char c in text)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                return (hash ^ 0x1F) * 1099511628211UL;
            }
        }
    }
}
