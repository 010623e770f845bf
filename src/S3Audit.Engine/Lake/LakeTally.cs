using System;
using System.Collections.Generic;
using System.Linq;

namespace S3Audit.Engine.Lake
{
    /// <summary>What an export would write, per partition, without writing it (-WhatIf). Thread-safe.</summary>
    public sealed class LakeTally
    {
        private readonly Dictionary<LakePartition, S3AuditLogExportFile> _partitions = new Dictionary<LakePartition, S3AuditLogExportFile>();

        /// <summary>Counts one entry.</summary>
        public void Add(S3AuditLogEntry entry)
        {
            LakePartition partition = LakePartition.Of(entry);
            lock (_partitions)
            {
                if (!_partitions.TryGetValue(partition, out S3AuditLogExportFile? row))
                {
                    row = new S3AuditLogExportFile { Partition = partition.Path, Source = partition.Source, FirstTime = entry.Time, LastTime = entry.Time };
                    _partitions.Add(partition, row);
                }

                row.Rows++;
                row.FirstTime = entry.Time < row.FirstTime ? entry.Time : row.FirstTime;
                row.LastTime = entry.Time > row.LastTime ? entry.Time : row.LastTime;
            }
        }

        /// <summary>One row per partition (Path is the partition's folder in <paramref name="destination"/>), in path order.</summary>
        public IReadOnlyList<S3AuditLogExportFile> Partitions(LakeDestination destination)
        {
            lock (_partitions)
            {
                return _partitions
                    .OrderBy(p => p.Key.Path, StringComparer.Ordinal)
                    .Select(p =>
                    {
                        p.Value.Path = destination.Locate(p.Key.Path + "/");
                        return p.Value;
                    })
                    .ToList();
            }
        }
    }
}
