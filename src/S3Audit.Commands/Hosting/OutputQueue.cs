using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using S3Audit.Engine.Errors;
using S3Audit.Engine.Pipeline;

namespace S3Audit.Commands.Hosting
{
    /// <summary>
    /// The bridge between engine worker threads and the pipeline thread: workers enqueue, the pipeline thread
    /// drains and calls WriteObject/WriteError/WriteProgress. Bounded, so a slow pipeline slows the workers
    /// down instead of filling memory.
    /// </summary>
    internal sealed class OutputQueue : IAuditOutput, IDisposable
    {
        private const int Capacity = 4096;
        private readonly BlockingCollection<Action<PSCmdlet>> _items = new BlockingCollection<Action<PSCmdlet>>(Capacity);
        private readonly CancellationToken _cancellationToken;

        public OutputQueue(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        public void WriteObject(object item) => Enqueue(c => c.WriteObject(item));

        public void WriteError(AuditError error) => Enqueue(c => c.WriteError(ErrorRecordFactory.From(error)));

        public void WriteWarning(string message) => Enqueue(c => c.WriteWarning(message));

        public void WriteVerbose(string message) => Enqueue(c => c.WriteVerbose(message));

        public void WriteProgress(AuditProgress progress) => Enqueue(c =>
        {
            var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            c.WriteProgress(record);
        });

        /// <summary>Runs engine work and writes what it produces, on the pipeline thread; Ctrl+C stops the pipeline.</summary>
        public static void Run(PSCmdlet cmdlet, Func<IAuditOutput, CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            using var queue = new OutputQueue(cancellationToken);
            try
            {
                queue.Pump(cmdlet, work);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (AuditException e)
            {
                cmdlet.ThrowTerminatingError(ErrorRecordFactory.From(e.Error));
            }
            // PowerShell's own exceptions (a stopped pipeline, -ErrorAction Stop, a downstream failure) pass through untouched.
            catch (Exception e) when (!(e is RuntimeException))
            {
                cmdlet.ThrowTerminatingError(ErrorRecordFactory.From(S3ErrorClassifier.ClassifyRunFailure(e, cmdlet.GetType().Name.Replace("Command", string.Empty))));
            }
        }

        /// <summary>Runs <paramref name="work"/> on the thread pool and writes what it produces until it ends. Pipeline thread only.</summary>
        public void Pump(PSCmdlet cmdlet, Func<IAuditOutput, CancellationToken, Task> work)
        {
            Task task = Task.Run(() => work(this, _cancellationToken), _cancellationToken);
            while (true)
            {
                if (_items.TryTake(out Action<PSCmdlet>? write, 50))
                {
                    write(cmdlet);
                    continue;
                }

                if (task.IsCompleted && _items.Count == 0)
                {
                    break;
                }
            }

            task.GetAwaiter().GetResult();
        }

        public void Dispose() => _items.Dispose();

        private void Enqueue(Action<PSCmdlet> write) => _items.Add(write, _cancellationToken);
    }
}
