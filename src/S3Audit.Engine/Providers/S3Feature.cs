namespace S3Audit.Engine.Providers
{
    /// <summary>Features a cmdlet may need; <see cref="ProviderCapabilities"/> says which provider has which.</summary>
    public enum S3Feature
    {
        /// <summary>Bucket and object ACLs that really govern access.</summary>
        Acl,
        /// <summary>Bucket policies in AWS's JSON policy language.</summary>
        AwsBucketPolicy,
        /// <summary>Exoscale's own bucket-policy language.</summary>
        ExoscaleBucketPolicy,
        /// <summary>Bucket-level Block Public Access.</summary>
        BlockPublicAccess,
        /// <summary>Account-level Block Public Access (S3 Control).</summary>
        AccountBlockPublicAccess,
        /// <summary>Object Ownership controls (BucketOwnerEnforced disables ACLs).</summary>
        ObjectOwnership,
        /// <summary>GetBucketPolicyStatus.</summary>
        PolicyStatus,
        /// <summary>Server access logging (PutBucketLogging).</summary>
        ServerAccessLogging,
        /// <summary>Lyve Cloud's audit-log target bucket.</summary>
        LyveAuditTarget,
        /// <summary>Object lock and default retention.</summary>
        ObjectLock,
        /// <summary>Default bucket encryption.</summary>
        DefaultEncryption,
        /// <summary>Versioning.</summary>
        Versioning,
        /// <summary>Static website hosting.</summary>
        Website,
        /// <summary>The IAM Query API (users, keys, policies).</summary>
        IamApi,
        /// <summary>STS GetCallerIdentity.</summary>
        CallerIdentity,
    }
}
