using System;

namespace S3Audit.Engine.Errors
{
    /// <summary>A failure that stops the whole run (no usable endpoint, cannot list buckets): cmdlets make it terminating.</summary>
    public sealed class AuditException : Exception
    {
        /// <summary>Wraps an error.</summary>
        public AuditException(AuditError error) : base(error.Message, error.Exception) => Error = error;

        /// <summary>The error, with its stable id and kind.</summary>
        public AuditError Error { get; }
    }
}
