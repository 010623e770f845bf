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

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
