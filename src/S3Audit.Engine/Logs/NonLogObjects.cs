using System;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Logs
{
    /// <summary>
    /// Files and objects found to be no logs (LogFormatNotRecognized). Read from a bucket, their errors are held back
    /// until a log turns up: then each is reported, as an odd object in a log bucket. When the first
    /// <c>limit</c> objects are no logs, the bucket is not a log bucket: reading stops (<see cref="Stopped"/>) and
    /// <see cref="Finish"/> writes one NoAuditLogsFound error instead of one error per object of, say, a backup bucket.
    /// Thread-safe: objects are read in parallel.
    /// </summary>
    internal sealed class NonLogObjects
    {
        private const int NamesShown = 5;
        private readonly object _gate = new object();
        private readonly IAuditOutput _output;
        private readonly int _limit;
        private List<LogDiagnostic>? _held;
        private volatile bool _stopped;

        /// <summary>With <paramref name="limit"/> 0 (local files) every file that is no log is an error at once.</summary>
        public NonLogObjects(IAuditOutput output, int limit)
        {
            _output = output;
            _limit = limit;
            _held = limit > 0 ? new List<LogDiagnostic>() : null;
        }

        /// <summary>True once the first objects all turned out to be no logs: list and download nothing more.</summary>
        public bool Stopped => _stopped;

        /// <summary>One file or object that is no log.</summary>
        public void Report(LogDiagnostic diagnostic)
        {
            lock (_gate)
            {
                if (_held != null)
                {
                    _held.Add(diagnostic);
                    _stopped |= _held.Count >= _limit;
                    return;
                }
            }

            _output.WriteError(Error(diagnostic));
        }

        /// <summary>A log was read: the objects held back were odd ones in a log bucket, each its own error.</summary>
        public void LogFound()
        {
            List<LogDiagnostic>? held;
            lock (_gate)
            {
                // After a stop, the objects already being read do not make the bucket a log bucket: Finish reports it.
                if (_held == null || _stopped)
                {
                    return;
                }

                held = _held;
                _held = null;
            }

            foreach (LogDiagnostic d in held)
            {
                _output.WriteError(Error(d));
            }
        }

        /// <summary>After the listing: when no log was found, one error for <paramref name="location"/> (s3://bucket/prefix).</summary>
        public void Finish(string location)
        {
            List<LogDiagnostic>? held;
            lock (_gate)
            {
                held = _held;
                _held = null;
            }

            if (held == null || held.Count == 0)
            {
                return;
            }

            List<LogDiagnostic> sorted = held.OrderBy(d => d.FileName, StringComparer.Ordinal).ToList();
            string what = _stopped
                ? $"The first {sorted.Count} objects read under {location} are not audit logs, so reading stopped instead of downloading everything there"
                : $"None of the {sorted.Count} objects under {location} is an audit log";
            string others = string.Join(", ", sorted.Skip(1).Take(NamesShown).Select(d => d.FileName));
            if (sorted.Count > NamesShown + 1)
            {
                others += $" and {sorted.Count - NamesShown - 1} more";
            }

            string first = sorted[0].Message.TrimEnd('.');
            _output.WriteError(new AuditError("NoAuditLogsFound", AuditErrorKind.InvalidArgument,
                $"{what}: {first}" + (others.Length > 0 ? $"; neither are {others}" : string.Empty) +
                ". Give -BucketName the bucket the logs are delivered to (Get-S3AuditBucket shows each bucket's logging target) and -Prefix their key prefix.",
                location));
        }

        private static AuditError Error(LogDiagnostic d) => new AuditError("LogFormatNotRecognized", AuditErrorKind.InvalidData, d.Message, d.FileName);

    }
}
