namespace S3Audit
{
    /// <summary>The S3-compatible service behind an endpoint. Decides which features and semantics apply.</summary>
    public enum S3Provider
    {
        /// <summary>Amazon S3.</summary>
        Aws,
        /// <summary>Exoscale Simple Object Storage (sos-&lt;zone&gt;.exo.io).</summary>
        Exoscale,
        /// <summary>Seagate Lyve Cloud.</summary>
        Lyve,
        /// <summary>MinIO.</summary>
        Minio,
        /// <summary>Ceph RADOS Gateway.</summary>
        Ceph,
        /// <summary>Any other S3-compatible endpoint; only core S3 calls are assumed.</summary>
        Generic,
    }
}
