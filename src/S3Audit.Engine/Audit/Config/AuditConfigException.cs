using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace S3Audit.Engine.Audit.Config
{
    /// <summary>The configuration file is invalid. Thrown before any call to a storage endpoint; lists every problem found.</summary>
    public sealed class AuditConfigException : FormatException
    {
        /// <summary>Creates the exception from the problems found.</summary>
        public AuditConfigException(string path, IReadOnlyList<AuditConfigError> errors)
            : base($"The audit configuration '{path}' is invalid ({errors.Count} problem(s)):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
        {
            Path = path;
            Errors = errors;
        }

        /// <summary>The file.</summary>
        public string Path { get; }
        /// <summary>Every problem, in file order.</summary>
        public IReadOnlyList<AuditConfigError> Errors { get; }
    }
}
