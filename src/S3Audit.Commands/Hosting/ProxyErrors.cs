using System;
using System.Management.Automation;

namespace S3Audit.Commands.Hosting
{
    /// <summary>Errors shared by Get- and Stop-S3AuditProxy.</summary>
    internal static class ProxyErrors
    {
        public static ErrorRecord NotFound(int id) => new ErrorRecord(
            new ArgumentException($"No gateway with Id {id} runs in this PowerShell process; Get-S3AuditProxy lists those that do."),
            ErrorIds.ProxyNotFound, ErrorCategory.ObjectNotFound, id);
    }
}
