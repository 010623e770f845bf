using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// Base of every cmdlet that runs engine work: cancellation from Ctrl+C (StopProcessing), the queue that carries
    /// engine output to the pipeline thread, and the module's pending load warning.
    /// </summary>
    public abstract class EngineCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <inheritdoc />
        protected override void BeginProcessing() => ModuleInitializer.ShowPendingWarning(this);

        /// <inheritdoc />
        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Runs engine work and writes what it produces, on the pipeline thread, until the work ends.</summary>
        internal void RunEngine(Func<IAuditOutput, CancellationToken, Task> work) => OutputQueue.Run(this, work, CancellationToken);

        /// <inheritdoc />
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases what the cmdlet holds.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _cancellation.Dispose();
            }
        }
    }
}
