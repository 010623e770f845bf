using System;
using System.Collections.Generic;

namespace S3Audit.Engine.Lake
{
    /// <summary>
    /// One finished Parquet file not yet visible in the lake: written under a temporary name (local staging folder) or
    /// uploaded as an incomplete multipart upload. Publishing renames it or completes the upload.
    /// </summary>
    public sealed class StagedFile
    {
        /// <summary>The partition.</summary>
        public LakePartition Partition { get; set; }
        /// <summary>The final location relative to the lake root (forward slashes).</summary>
        public string FinalPath { get; set; } = string.Empty;
        /// <summary>The local file holding it until it is published or uploaded.</summary>
        public string StagingPath { get; set; } = string.Empty;
        /// <summary>Rows.</summary>
        public long Rows { get; set; }
        /// <summary>Row groups.</summary>
        public int RowGroups { get; set; }
        /// <summary>Bytes.</summary>
        public long Bytes { get; set; }
        /// <summary>The earliest entry time.</summary>
        public DateTimeOffset FirstTime { get; set; } = DateTimeOffset.MaxValue;
        /// <summary>The latest entry time.</summary>
        public DateTimeOffset LastTime { get; set; } = DateTimeOffset.MinValue;
        /// <summary>The multipart upload holding it (S3 lakes), once uploaded.</summary>
        public string? UploadId { get; set; }
        /// <summary>The uploaded parts (number and ETag), in order.</summary>
        public List<StagedPart> Parts { get; set; } = new List<StagedPart>();

        /// <summary>Widens the time range by a row group's.</summary>
        public void Cover(DateTimeOffset first, DateTimeOffset last)
        {
            if (first < FirstTime)
            {
                FirstTime = first;
            }

            if (last > LastTime)
            {
                LastTime = last;
            }
        }

        /// <summary>The output object for the file once published.</summary>
        public S3AuditLogExportFile ToExportFile(LakeDestination destination) => new S3AuditLogExportFile
        {
            Path = destination.Locate(FinalPath),
            Partition = Partition.Path,
            Source = Partition.Source,
            Rows = Rows,
            Bytes = Bytes,
            RowGroups = RowGroups,
            FirstTime = FirstTime,
            LastTime = LastTime,
        };
    }

    /// <summary>One uploaded part of a multipart upload.</summary>
    public sealed class StagedPart
    {
        /// <summary>The part number (1-based).</summary>
        public int Number { get; set; }
        /// <summary>The ETag the server returned.</summary>
        public string ETag { get; set; } = string.Empty;
    }
}
