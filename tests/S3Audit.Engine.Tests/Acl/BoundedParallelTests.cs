using S3Audit.Engine.Pipeline;

namespace S3Audit.Engine.Tests.Acl;

public class BoundedParallelTests
{
    [Fact]
    public async Task NeverRunsMoreThanTheLimitAndRunsEveryItem()
    {
        int running = 0, peak = 0, done = 0;
        await BoundedParallel.ForEachAsync(Enumerable.Range(0, 200), 4, async (i, ct) =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(1, ct);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
        }, CancellationToken.None);
        Assert.Equal(200, done);
        Assert.InRange(peak, 1, 4);
    }

    [Fact]
    public async Task CancellationStopsTheRun()
    {
        using var cts = new CancellationTokenSource();
        int started = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BoundedParallel.ForEachAsync(Enumerable.Range(0, 1000), 2, async (i, ct) =>
        {
            if (Interlocked.Increment(ref started) == 10) cts.Cancel();
            await Task.Delay(1, ct);
        }, cts.Token));
        Assert.True(started < 1000);
    }

    [Fact]
    public async Task InOrderDeliversResultsInSourceOrderWhateverFinishesFirstAndStaysBounded()
    {
        int running = 0, peak = 0;
        var delivered = new List<(int Item, int Result)>();
        var random = new Random(13);
        int[] delays = Enumerable.Range(0, 100).Select(_ => random.Next(0, 8)).ToArray();
        int caller = Environment.CurrentManagedThreadId;
        await BoundedParallel.ForEachInOrderAsync(Source(100), 8, async (i, ct) =>
        {
            InterlockedMax(ref peak, Interlocked.Increment(ref running));
            await Task.Delay(delays[i], ct);
            Interlocked.Decrement(ref running);
            return i * 10;
        }, (i, result) => delivered.Add((i, result)), CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (i, i * 10)), delivered);
        Assert.InRange(peak, 2, 8);
    }

    [Fact]
    public async Task InOrderLetsTheFirstFailureThroughAfterTheOthersFinish()
    {
        int running = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BoundedParallel.ForEachInOrderAsync(Source(20), 4, async (i, ct) =>
        {
            Interlocked.Increment(ref running);
            try
            {
                await Task.Delay(i == 5 ? 1 : 20, ct);
                return i == 5 ? throw new InvalidOperationException("item 5") : i;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }, (_, _) => { }, CancellationToken.None));
        Assert.Equal("item 5", error.Message);
        Assert.Equal(0, Volatile.Read(ref running));
    }

    private static async IAsyncEnumerable<int> Source(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
