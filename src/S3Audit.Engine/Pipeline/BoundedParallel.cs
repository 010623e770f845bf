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

        /// <summary>
        /// Like <see cref="ForEachAsync{T}(IAsyncEnumerable{T}, int, Func{T, CancellationToken, Task}, CancellationToken)"/>,
        /// but hands each item's result to <paramref name="onResult"/> in the order of the source, on the calling
        /// thread, so output keeps the listing's order however the requests finish. At most four times
        /// <paramref name="throttleLimit"/> results wait for a slower earlier item before the listing pauses.
        /// </summary>
        public static async Task ForEachInOrderAsync<T, TResult>(IAsyncEnumerable<T> source, int throttleLimit, Func<T, CancellationToken, Task<TResult>> work,
            Action<T, TResult> onResult, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
            }

            int window = throttleLimit * 4;
            using var gate = new SemaphoreSlim(throttleLimit);
            var pending = new Queue<KeyValuePair<T, Task<TResult>>>();
            try
            {
                await foreach (T item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    pending.Enqueue(new KeyValuePair<T, Task<TResult>>(item, RunOne(item)));
                    while (pending.Count > 0 && (pending.Peek().Value.IsCompleted || pending.Count >= window))
                    {
                        await DeliverHeadAsync().ConfigureAwait(false);
                    }
                }

                while (pending.Count > 0)
                {
                    await DeliverHeadAsync().ConfigureAwait(false);
                }
            }
            catch
            {
                // Let the requests still running finish before the gate goes away; the first failure is what surfaces.
                foreach (KeyValuePair<T, Task<TResult>> entry in pending)
                {
                    try
                    {
                        await entry.Value.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Already failing: later failures add nothing.
                    }
                }

                throw;
            }

            async Task DeliverHeadAsync()
            {
                KeyValuePair<T, Task<TResult>> head = pending.Dequeue();
                onResult(head.Key, await head.Value.ConfigureAwait(false));
            }

            async Task<TResult> RunOne(T item)
            {
                try
                {
                    return await work(item, cancellationToken).ConfigureAwait(false);
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
