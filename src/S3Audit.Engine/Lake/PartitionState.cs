using System;
using System.Collections.Generic;
using System.IO;

namespace S3Audit.Engine.Lake
{
    /// <summary>One partition in <see cref="PartitionWriterPool"/>: the rows waiting for its next row group, and its open file.</summary>
    internal sealed class PartitionState
    {
        public PartitionState(LakePartition partition)
        {
            Partition = partition;
            Node = new LinkedListNode<PartitionState>(this);
        }

        public LakePartition Partition { get; }
        /// <summary>The rows of the next row group; null while there are none.</summary>
        public ILakeRowBuffer? Rows { get; private set; }
        public int Count => Rows?.Count ?? 0;
        public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;
        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;
        public LinkedListNode<PartitionState> Node { get; }
        public StagedFile? File { get; set; }
        public FileStream? Stream { get; set; }
        public ILakeFileWriter? Writer { get; set; }

        /// <summary>Adds a row; <paramref name="empty"/> (an empty buffer) is asked for only when the partition has no rows.</summary>
        public void Add(S3AuditLogEntry entry, Func<ILakeRowBuffer> empty)
        {
            (Rows ??= empty()).Add(entry);
            if (entry.Time < First)
            {
                First = entry.Time;
            }

            if (entry.Time > Last)
            {
                Last = entry.Time;
            }
        }

        /// <summary>Forgets the rows just written (their buffer goes back to the pool) and their time range.</summary>
        public void TakeRows()
        {
            Rows = null;
            First = DateTimeOffset.MaxValue;
            Last = DateTimeOffset.MinValue;
        }
    }
}
