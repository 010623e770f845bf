using System;

namespace S3Audit.Engine.Errors
{
    /// <summary>
    /// A per-item failure the engine reports without stopping the run. Cmdlets turn it into a non-terminating
    /// error with <see cref="ErrorId"/> as the stable error id and <see cref="Target"/> as the target object.
    /// The message is already free of secrets.
    /// </summary>
    public sealed class AuditError
    {
        /// <summary>Creates an error.</summary>
        public AuditError(string errorId, AuditErrorKind kind, string message, object? target, Exception? exception = null)
        {
            ErrorId = errorId;
            Kind = kind;
            Message = Security.SecretMasker.MaskText(message);
            Target = target;
            Exception = exception;
        }

        /// <summary>An error of one call on one thing: "{operation} on {subject} failed: {reason}", kept apart so errors can be merged.</summary>
        internal AuditError(string errorId, AuditErrorKind kind, string operation, string subject, string reason, object? target, Exception? exception)
            : this(errorId, kind, $"{operation} on {subject} failed: {reason}", target, exception)
        {
            Operation = operation;
            Subject = subject;
            Reason = reason;
        }

        /// <summary>The call that failed (GetBucketAcl ...), or null when the error is not about one call.</summary>
        internal string? Operation { get; }
        /// <summary>What the call was about, e.g. "bucket 'b'".</summary>
        internal string? Subject { get; }
        /// <summary>Why it failed, in words.</summary>
        internal string? Reason { get; }

        /// <summary>Stable PascalCase id, e.g. BucketAccessDenied.</summary>
        public string ErrorId { get; }
        /// <summary>The kind, which maps to an ErrorCategory.</summary>
        public AuditErrorKind Kind { get; }
        /// <summary>A specific message naming the bucket, key, file or line.</summary>
        public string Message { get; }
        /// <summary>The bucket name, key, file or other thing that failed.</summary>
        public object? Target { get; }
        /// <summary>The underlying exception, if any (its message may hold secrets: use <see cref="Message"/>).</summary>
        public Exception? Exception { get; }

        /// <inheritdoc />
        public override string ToString() => $"{ErrorId}: {Message}";
    }
}
