using System;
using System.Collections.Generic;
using System.IO;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// The public .NET entry point for reading audit logs: AWS S3 server access logs, Lyve Cloud S3 API, IAM/Account
    /// API and console audit logs, MinIO audit entries, CloudTrail and Ceph RGW ops logs, gzip-compressed or not.
    /// </summary>
    /// <example>
    /// <code>
    /// using var file = File.OpenRead("2026-11-21-10-00-00-ABCDEF");
    /// foreach (S3AuditLogEntry e in AuditLogParser.Parse(file, file.Name, d => Console.Error.WriteLine(d)))
    ///     Console.WriteLine($"{e.Time:u} {e.Operation} {e.BucketName}/{e.Key} {e.HttpStatus}");
    /// </code>
    /// </example>
    public static class AuditLogParser
    {
        /// <summary>
        /// The entries in <paramref name="input"/> (format and gzip detected). Malformed records are skipped silently;
        /// a corrupt or truncated file throws <see cref="InvalidDataException"/> after the entries before the damage.
        /// The stream is disposed when the enumeration ends.
        /// </summary>
        public static IEnumerable<S3AuditLogEntry> Parse(Stream input, string fileName) => Parse(input, fileName, new LogReadOptions(), null);

        /// <summary>
        /// The same, reporting each malformed record and a corrupt or truncated file to <paramref name="diagnostics"/>
        /// instead of throwing.
        /// </summary>
        public static IEnumerable<S3AuditLogEntry> Parse(Stream input, string fileName, Action<LogDiagnostic>? diagnostics) =>
            Parse(input, fileName, new LogReadOptions(), diagnostics);

        /// <summary>The same with a format, a filter (applied before entries are created) and -IncludeRaw.</summary>
        public static IEnumerable<S3AuditLogEntry> Parse(Stream input, string fileName, LogReadOptions options, Action<LogDiagnostic>? diagnostics)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Filter.Compile();
            return Read(new LogFileReader(input, fileName ?? string.Empty, options, diagnostics));
        }

        private static IEnumerable<S3AuditLogEntry> Read(LogFileReader reader)
        {
            using (reader)
            {
                while (reader.TryRead(out S3AuditLogEntry entry))
                {
                    yield return entry;
                }
            }
        }
    }
}
