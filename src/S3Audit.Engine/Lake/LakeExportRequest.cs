namespace S3Audit.Engine.Lake
{
    /// <summary>How Export-S3AuditLog writes the lake.</summary>
    public sealed class LakeExportRequest
    {
        /// <summary>Creates a request for a destination.</summary>
        public LakeExportRequest(LakeDestination destination) => Destination = destination;

        /// <summary>The lake.</summary>
        public LakeDestination Destination { get; }
        /// <summary>Codec and the raw column.</summary>
        public LakeFileOptions File { get; set; } = new LakeFileOptions();
        /// <summary>Row group, file and memory sizes.</summary>
        public LakeWriteLimits Limits { get; set; } = new LakeWriteLimits();
        /// <summary>Files uploaded and published at once (S3 lakes).</summary>
        public int ThrottleLimit { get; set; } = 4;
    }
}
