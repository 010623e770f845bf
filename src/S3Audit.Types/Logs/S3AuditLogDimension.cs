namespace S3Audit
{
    /// <summary>What Measure-S3AuditLog can group by.</summary>
    public enum S3AuditLogDimension
    {
        /// <summary>The S3 API action.</summary>
        Operation,
        /// <summary>The requester.</summary>
        Requester,
        /// <summary>The access key id.</summary>
        AccessKeyId,
        /// <summary>The client address.</summary>
        RemoteIp,
        /// <summary>The bucket.</summary>
        BucketName,
        /// <summary>The object key.</summary>
        Key,
        /// <summary>The HTTP status.</summary>
        HttpStatus,
        /// <summary>The error code.</summary>
        ErrorCode,
        /// <summary>The User-Agent.</summary>
        UserAgent,
        /// <summary>The hour (UTC).</summary>
        Hour,
        /// <summary>The day (UTC).</summary>
        Day,
    }
}
