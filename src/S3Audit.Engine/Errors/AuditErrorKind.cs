namespace S3Audit.Engine.Errors
{
    /// <summary>What went wrong, in the terms a cmdlet maps to an ErrorCategory.</summary>
    public enum AuditErrorKind
    {
        /// <summary>The bucket, key or entity does not exist (ObjectNotFound).</summary>
        NotFound,
        /// <summary>AccessDenied and its relatives (PermissionDenied).</summary>
        AccessDenied,
        /// <summary>The provider lacks the feature (NotImplemented).</summary>
        NotSupported,
        /// <summary>SlowDown and other throttling that outlasted the retries (LimitsExceeded).</summary>
        Throttled,
        /// <summary>The endpoint could not be reached (ConnectionError).</summary>
        Connection,
        /// <summary>A timeout (OperationTimeout).</summary>
        Timeout,
        /// <summary>Bad or expired credentials (AuthenticationError).</summary>
        InvalidCredentials,
        /// <summary>Malformed input: a log line, a policy document, a configuration file (InvalidData).</summary>
        InvalidData,
        /// <summary>A bad argument (InvalidArgument).</summary>
        InvalidArgument,
        /// <summary>The run was cancelled (OperationStopped).</summary>
        Cancelled,
        /// <summary>Anything else (InvalidOperation).</summary>
        Other,
    }
}
