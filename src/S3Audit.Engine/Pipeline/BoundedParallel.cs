using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace S3Audit.Engine.Pipeline
{
    /// <summary>Runs work items with at most N in flight, taking items as the source produces them.</summary>
    public static class BoundedParallel
    {
        /// <summary>
        /// Calls <paramref name="work"/> for every item of <paramref name="source"/> with at most
        /// <paramref name="throttleLimit"/> running at once. The source is enumerated lazily on the calling thread,
        /// so a paginated listing keeps going while earlier items are processed. <paramref name="work"/> must
        /// report its own failures; an exception that escapes it stops the run.
        /// </summary>
        public static Task ForEachAsync<T>(IEnumerable<T> source, int throttleLimit, Func<T, CancellationToken, Task> work, CancellationToken cancellationToken) =>
            ForEachAsync(ToAsync(source), throttleLimit, work, cancellationToken);

        /// <summary>The same for a source that is itself asynchronous, such as a paginated listing.</summary>
        public static async Task ForEachAsync<T>(IAsyncEnumerable<T> source, int throttleLimit, Func<T, CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
            }

            using var gate = new SemaphoreSlim(throttleLimit);
            var running = new List<Task>();
            await foreach (T item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted && !t.IsFaulted && !t.IsCanceled);
                running.Add(RunOne(item));
            }

            await Task.WhenAll(running).ConfigureAwait(false);

            async Task RunOne(T item)
            {
                try
                {
                    await work(item, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
    
        private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> source)
        {
            foreach (T item in source)
            {
                yield return item;
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }
    }
}
