using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using S3Audit.Engine.Errors;

namespace S3Audit.Engine.Pipeline
{
    /// <summary>An <see cref="IAuditOutput"/> that keeps everything in memory: for .NET callers and tests.</summary>
    public sealed class CollectingOutput : IAuditOutput
    {
        private readonly ConcurrentQueue<object> _objects = new ConcurrentQueue<object>();
        private readonly ConcurrentQueue<AuditError> _errors = new ConcurrentQueue<AuditError>();
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<AuditProgress> _progress = new ConcurrentQueue<AuditProgress>();

        /// <summary>Results in arrival order.</summary>
        public IReadOnlyList<object> Objects => _objects.ToList();
        /// <summary>Errors in arrival order.</summary>
        public IReadOnlyList<AuditError> Errors => _errors.ToList();
        /// <summary>Warnings.</summary>
        public IReadOnlyList<string> Warnings => _warnings.ToList();
        /// <summary>Verbose messages.</summary>
        public IReadOnlyList<string> Verbose => _verbose.ToList();
        /// <summary>Progress reports.</summary>
        public IReadOnlyList<AuditProgress> Progress => _progress.ToList();

        /// <summary>The results of one type.</summary>
        public IReadOnlyList<T> OfType<T>() => _objects.OfType<T>().ToList();

        /// <inheritdoc />
        public void WriteObject(object item) => _objects.Enqueue(item);
        /// <inheritdoc />
        public void WriteError(AuditError error) => _errors.Enqueue(error);
        /// <inheritdoc />
        public void WriteWarning(string message) => _warnings.Enqueue(message);
        /// <inheritdoc />
        public void WriteVerbose(string message) => _verbose.Enqueue(message);
        /// <inheritdoc />
        public void WriteProgress(AuditProgress progress) => _progress.Enqueue(progress);
    }
}
