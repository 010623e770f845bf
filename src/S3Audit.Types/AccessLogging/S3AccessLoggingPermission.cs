namespace S3Audit
{
    /// <summary>How the log-delivery service is allowed to write into the target bucket.</summary>
    public enum S3AccessLoggingPermission
    {
        /// <summary>A statement in the target's bucket policy for logging.s3.amazonaws.com (AWS's recommendation).</summary>
        BucketPolicy,
        /// <summary>The legacy ACL grant to the LogDelivery group (only where ACLs are in force).</summary>
        Acl,
        /// <summary>No permission was touched (Disable-S3AccessLogging without -RemovePermission).</summary>
        None,
    }
}
