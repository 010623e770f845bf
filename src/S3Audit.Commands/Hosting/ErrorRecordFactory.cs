using System;
using System.Management.Automation;
using S3Audit.Engine.Errors;

namespace S3Audit.Commands.Hosting
{
    /// <summary>Turns engine errors into ErrorRecords: stable id, a category that fits, the failing item as target.</summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord From(AuditError error)
        {
            Exception exception = error.Kind switch
            {
                AuditErrorKind.NotFound => new ItemNotFoundException(error.Message),
                AuditErrorKind.AccessDenied => new UnauthorizedAccessException(error.Message),
                AuditErrorKind.NotSupported => new PSNotSupportedException(error.Message),
                AuditErrorKind.InvalidArgument => new PSArgumentException(error.Message),
                AuditErrorKind.Timeout => new TimeoutException(error.Message),
                _ => new InvalidOperationException(error.Message),
            };
            return new ErrorRecord(exception, error.ErrorId, CategoryOf(error.Kind), error.Target);
        }

        public static ErrorCategory CategoryOf(AuditErrorKind kind) => kind switch
        {
            AuditErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            AuditErrorKind.AccessDenied => ErrorCategory.PermissionDenied,
            AuditErrorKind.NotSupported => ErrorCategory.NotImplemented,
            AuditErrorKind.Throttled => ErrorCategory.LimitsExceeded,
            AuditErrorKind.Connection => ErrorCategory.ConnectionError,
            AuditErrorKind.Timeout => ErrorCategory.OperationTimeout,
            AuditErrorKind.InvalidCredentials => ErrorCategory.AuthenticationError,
            AuditErrorKind.InvalidData => ErrorCategory.InvalidData,
            AuditErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            AuditErrorKind.Cancelled => ErrorCategory.OperationStopped,
            _ => ErrorCategory.InvalidOperation,
        };
    }
}
