using System;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// An IAM call that some providers do not offer. The first NotSupported answer is noted (verbose, once per
    /// run) and from then on the call is skipped and its fallback returned. Other failures are the caller's.
    /// </summary>
    internal sealed class OptionalIamCall
    {
        private readonly string _operation;
        private readonly string _whenNotOffered;
        private readonly IAuditOutput _output;
        private int _notOffered;

        /// <param name="operation">The IAM action, as the verbose line names it.</param>
        /// <param name="whenNotOffered">What the audit does without it, for the verbose line.</param>
        /// <param name="output">Where the verbose line goes.</param>
        public OptionalIamCall(string operation, string whenNotOffered, IAuditOutput output)
        {
            _operation = operation;
            _whenNotOffered = whenNotOffered;
            _output = output;
        }

        /// <summary>The call's answer, or <paramref name="fallback"/> when the provider does not offer it.</summary>
        public async Task<T> CallAsync<T>(Func<Task<T>> call, T fallback)
        {
            if (Volatile.Read(ref _notOffered) != 0)
            {
                return fallback;
            }

            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && S3ErrorClassifier.KindOf(e) == AuditErrorKind.NotSupported)
            {
                // Calls run in parallel across users: the line is written by whichever notices first.
                if (Interlocked.Exchange(ref _notOffered, 1) == 0)
                {
                    _output.WriteVerbose($"{_operation} is not offered ({S3ErrorClassifier.ErrorCode(e)}); {_whenNotOffered}");
                }

                return fallback;
            }
        }
    }
}
