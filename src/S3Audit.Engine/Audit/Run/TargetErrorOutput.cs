using System.Threading;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Audit.Run
{
    /// <summary>Passes a target's output on, naming the target in each error and remembering that the target had errors.</summary>
    internal sealed class TargetErrorOutput : IAuditOutput
    {
        private readonly IAuditOutput _inner;
        private readonly string _target;
        private string? _firstError;

        public TargetErrorOutput(IAuditOutput inner, string target)
        {
            _inner = inner;
            _target = target;
        }

        /// <summary>The first error's message, or null when there was none.</summary>
        public string? FirstError => Volatile.Read(ref _firstError);

        public void WriteError(AuditError error)
        {
            var named = new AuditError(error.ErrorId, error.Kind, $"Target '{_target}': {error.Message}", error.Target, error.Exception);
            Interlocked.CompareExchange(ref _firstError, named.Message, null);
            _inner.WriteError(named);
        }

        public void WriteObject(object item) => _inner.WriteObject(item);
        public void WriteWarning(string message) => _inner.WriteWarning($"Target '{_target}': {message}");
        public void WriteVerbose(string message) => _inner.WriteVerbose($"Target '{_target}': {message}");
        public void WriteProgress(AuditProgress progress) => _inner.WriteProgress(progress);
    }
}
