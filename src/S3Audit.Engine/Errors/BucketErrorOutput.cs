using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Errors
{
    /// <summary>
    /// Holds one bucket's errors until the bucket is done, then writes one error per failure and thing: a bucket that
    /// denies all nine reads is one BucketAccessDenied naming the nine calls, not nine errors. Everything else passes
    /// at once. Errors held when the run ends (an <see cref="AuditException"/>) are dropped: they are its consequences.
    /// </summary>
    public sealed class BucketErrorOutput : IAuditOutput
    {
        private readonly IAuditOutput _inner;
        private readonly List<AuditError> _held = new List<AuditError>();

        /// <summary>Wraps the run's output for one bucket.</summary>
        public BucketErrorOutput(IAuditOutput inner) => _inner = inner;

        /// <inheritdoc />
        public void WriteError(AuditError error)
        {
            lock (_held)
            {
                _held.Add(error);
            }
        }

        /// <summary>Writes the held errors, one per error id and target, in the order they first came.</summary>
        public void Flush()
        {
            List<AuditError> held;
            lock (_held)
            {
                held = _held.ToList();
                _held.Clear();
            }

            foreach (IGrouping<(string, object?), AuditError> group in held.GroupBy(e => (e.ErrorId, e.Target)))
            {
                _inner.WriteError(Merge(group.ToList()));
            }
        }

        /// <summary>One error for several failures of the same kind on the same thing.</summary>
        internal static AuditError Merge(IReadOnlyList<AuditError> errors)
        {
            AuditError first = errors[0];
            List<string> operations = errors.Select(e => e.Operation).Where(o => o != null).Select(o => o!).Distinct().ToList();
            if (errors.Count == 1 || operations.Count < 2 || operations.Count != errors.Count || errors.Any(e => e.Subject != first.Subject))
            {
                return errors.Count == 1 ? first : new AuditError(first.ErrorId, first.Kind, string.Join(" | ", errors.Select(e => e.Message).Distinct()), first.Target, first.Exception);
            }

            return new AuditError(first.ErrorId, first.Kind, $"{operations.Count} calls on {first.Subject} failed ({string.Join(", ", operations)}): {first.Reason}", first.Target, first.Exception);
        }

        /// <inheritdoc />
        public void WriteObject(object item) => _inner.WriteObject(item);
        /// <inheritdoc />
        public void WriteWarning(string message) => _inner.WriteWarning(message);
        /// <inheritdoc />
        public void WriteVerbose(string message) => _inner.WriteVerbose(message);
        /// <inheritdoc />
        public void WriteProgress(AuditProgress progress) => _inner.WriteProgress(progress);
    }
}
