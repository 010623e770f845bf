namespace S3Audit
{
    /// <summary>One bucket's public exposure (or one offline policy document's): Test-S3PublicExposure's default row.</summary>
    public sealed class S3ExposureResult
    {
        /// <summary>The bucket; empty for an offline policy document without -BucketName.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The provider whose semantics were applied.</summary>
        public S3Provider Provider { get; set; }
        /// <summary>Public, Latent, NotPublic or Unknown.</summary>
        public S3ExposureLevel Exposure { get; set; }
        /// <summary>Objects can be read by the public: now when Exposure is Public, once unmasked when it is Latent; null when Exposure is Unknown (it cannot be ruled out).</summary>
        public bool? PublicRead { get; set; }
        /// <summary>Objects or the bucket's configuration can be written by the public (same timing as <see cref="PublicRead"/>); null when Exposure is Unknown.</summary>
        public bool? PublicWrite { get; set; }
        /// <summary>The bucket can be listed by the public (same timing as <see cref="PublicRead"/>); null when Exposure is Unknown.</summary>
        public bool? PublicList { get; set; }
        /// <summary>The bucket ACL holds a public grant (exposed or masked); null when it could not be read or does not apply.</summary>
        public bool? ViaAcl { get; set; }
        /// <summary>The bucket policy is public (exposed or masked); null when it could not be read or judged.</summary>
        public bool? ViaPolicy { get; set; }
        /// <summary>An object ACL holds a public grant; null when objects were not checked or could not be read.</summary>
        public bool? ViaObjectAcl { get; set; }
        /// <summary>The settings that hide a public configuration, e.g. "IgnorePublicAcls (account); ObjectOwnership BucketOwnerEnforced".</summary>
        public string MaskedBy { get; set; } = string.Empty;
        /// <summary>Every cause and every unreadable path, in one readable string.</summary>
        public string Reasons { get; set; } = string.Empty;
        /// <summary>How many findings (-Detailed rows) there are.</summary>
        public int FindingCount { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{BucketName} {Exposure}";
    }
}
