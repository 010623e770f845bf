namespace S3Audit
{
    /// <summary>One cause of exposure (or one unreadable path): Test-S3PublicExposure -Detailed writes one row per cause.</summary>
    public sealed class S3ExposureFinding
    {
        /// <summary>The bucket; empty for an offline policy document without -BucketName.</summary>
        public string BucketName { get; set; } = string.Empty;
        /// <summary>The object key, for an ObjectAcl finding.</summary>
        public string Key { get; set; } = string.Empty;
        /// <summary>Acl, Policy, ObjectAcl or Website.</summary>
        public string Path { get; set; } = string.Empty;
        /// <summary>Public, Latent, NotPublic (informational, e.g. a Deny) or Unknown (the path could not be read: the verdict, not a severity).</summary>
        public S3ExposureLevel Exposure { get; set; }
        /// <summary>The statement's Sid or "Statement[n]"; empty for ACL findings.</summary>
        public string StatementId { get; set; } = string.Empty;
        /// <summary>The principal or ACL grantee.</summary>
        public string Principal { get; set; } = string.Empty;
        /// <summary>The actions or ACL permission, joined with ", ".</summary>
        public string Actions { get; set; } = string.Empty;
        /// <summary>Why this is (or is not) public.</summary>
        public string Why { get; set; } = string.Empty;
        /// <summary>
        /// Critical when the public can write, High for other public access and for a path that could not be read
        /// (it may hide public access), Medium when Latent, Info for an informational row.
        /// </summary>
        public S3AuditSeverity Severity { get; set; }
        /// <summary>What to do about it.</summary>
        public string Remediation { get; set; } = string.Empty;
        /// <summary>The setting that hides it, when Exposure is Latent.</summary>
        public string MaskedBy { get; set; } = string.Empty;
        /// <summary>The provider whose semantics were applied.</summary>
        public S3Provider Provider { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{BucketName} {Path} {Exposure}: {Why}";
    }
}
