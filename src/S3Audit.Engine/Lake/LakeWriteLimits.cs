namespace S3Audit.Engine.Lake
{
    /// <summary>Row group and file sizes, and the memory the writer may hold.</summary>
    public sealed class LakeWriteLimits
    {
        /// <summary>Rows per row group (engines read 100,000 to 1,000,000 well).</summary>
        public int RowGroupRows { get; set; } = 100_000;
        /// <summary>Rows buffered over all partitions before the fullest is written early (bounds memory when many days are open).</summary>
        public int MaxBufferedRows { get; set; } = 100_000;
        /// <summary>A file that reaches this size is closed and the partition's next rows go to a new file.</summary>
        public long MaxFileBytes { get; set; } = 128L * 1024 * 1024;
        /// <summary>Files open at once; past it the least recently written is finished.</summary>
        public int MaxOpenFiles { get; set; } = 64;
    }
}
