using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>Duplicate removal by identity, across threads, in bounded memory.</summary>
public class RequestDeduplicatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private static S3AuditLogEntry Entry(int i, string key = "k", string requestId = "") => new()
    {
        Time = Start.AddSeconds(i),
        RequestId = requestId.Length > 0 ? requestId : "R" + i,
        RawOperation = "REST.GET.OBJECT",
        BucketName = "b",
        Key = key,
    };

    [Fact]
    public void ASecondCopyIsADuplicateButAnotherKeyUnderTheSameRequestIsNot()
    {
        var dedupe = new RequestDeduplicator();
        Assert.False(dedupe.IsDuplicate(Entry(1)));
        Assert.True(dedupe.IsDuplicate(Entry(1)));
        Assert.False(dedupe.IsDuplicate(Entry(1, "other")));
        Assert.False(dedupe.IsDuplicate(Entry(2)));
        Assert.Equal(1, dedupe.Duplicates);
        Assert.Equal(3, dedupe.Remembered);
    }

    [Fact]
    public void EntriesWithoutARequestIdAreNeverDropped()
    {
        var dedupe = new RequestDeduplicator();
        var entry = new S3AuditLogEntry { Time = Start, Key = "k" };
        Assert.False(dedupe.IsDuplicate(entry));
        Assert.False(dedupe.IsDuplicate(entry));
        Assert.Equal(0, dedupe.Remembered);
    }

    [Fact]
    public void MemoryStaysBoundedByForgettingTheOldestWindowsFirst()
    {
        var dedupe = new RequestDeduplicator(maxRemembered: 1000);
        // 6,000 entries, one a second: ten windows of 600.
        for (int i = 0; i < 6000; i++)
        {
            Assert.False(dedupe.IsDuplicate(Entry(i)));
            Assert.True(dedupe.Remembered <= 1000, $"{dedupe.Remembered} remembered after {i + 1} entries");
        }

        Assert.Equal(6000, dedupe.Remembered + dedupe.Forgotten);
        Assert.True(dedupe.Forgotten >= 5000);
        // The newest window is still remembered; the first ones are gone, so a late copy of them passes.
        Assert.True(dedupe.IsDuplicate(Entry(5999)));
        Assert.True(dedupe.IsDuplicate(Entry(5400)));
        Assert.False(dedupe.IsDuplicate(Entry(0)));
        Assert.Equal(2, dedupe.Duplicates);
    }

    [Fact]
    public void OutOfOrderTimesForgetByEntryTimeNotByArrival()
    {
        var dedupe = new RequestDeduplicator(maxRemembered: 1000);
        // A recent window first, then older files: the old windows go, the recent one stays.
        for (int i = 0; i < 600; i++)
        {
            dedupe.IsDuplicate(Entry(36_000 + i));
        }

        for (int i = 0; i < 3000; i++)
        {
            dedupe.IsDuplicate(Entry(i));
        }

        Assert.True(dedupe.IsDuplicate(Entry(36_000)));
        Assert.True(dedupe.Remembered <= 1000);
    }

    [Fact]
    public void ConcurrentReadersDropEachDuplicateExactlyOnce()
    {
        var dedupe = new RequestDeduplicator(maxRemembered: 1_000_000);
        long kept = 0;
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                if (!dedupe.IsDuplicate(Entry(i)))
                {
                    Interlocked.Increment(ref kept);
                }
            }
        });

        Assert.Equal(20_000, kept);
        Assert.Equal(60_000, dedupe.Duplicates);
    }

    [Fact]
    public void ALimitBelowOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestDeduplicator(0));
}
