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

        /// <summary>
        /// An InvalidArgument record for a bad value, with the message alone: .NET appends "(Parameter 'name')" with its
        /// own parameter names, which mean nothing to a user.
        /// </summary>
        public static ErrorRecord FromArgument(ArgumentException e, string errorId, object? target)
        {
            string message = e.ParamName == null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty);
            return new ErrorRecord(new PSArgumentException(message, e), errorId, ErrorCategory.InvalidArgument, target);
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
