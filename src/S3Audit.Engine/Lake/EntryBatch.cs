using System;

namespace S3Audit.Engine.Lake
{
    /// <summary>Entries handed from a reader to the lake's encoder thread in one go (one hand-over per batch, not per entry).</summary>
    internal sealed class EntryBatch
    {
        public EntryBatch(int capacity) => Entries = new S3AuditLogEntry[capacity];

        public S3AuditLogEntry[] Entries { get; }
        public int Count { get; private set; }

        public void Add(S3AuditLogEntry entry) => Entries[Count++] = entry;

        /// <summary>Drops the references, so the entries can be collected while the batch waits to be reused.</summary>
        public void Clear()
        {
            Array.Clear(Entries, 0, Count);
            Count = 0;
        }
    }
}
