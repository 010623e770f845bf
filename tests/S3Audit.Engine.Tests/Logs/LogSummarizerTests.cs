using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>Measure-S3AuditLog's engine: groups, metrics, percentiles, sorting, -Top.</summary>
public class LogSummarizerTests
{
    private static S3AuditLogEntry E(string op, string ip, int status, long bytes, double ms, int minute, string requester = "alice") => new S3AuditLogEntry
    {
        Operation = op, RemoteIp = ip, HttpStatus = status, BytesSent = bytes, TotalTimeMs = ms, Requester = requester,
        Time = new DateTimeOffset(2026, 11, 20, 10, minute, 0, TimeSpan.Zero), ErrorCode = status >= 400 ? "AccessDenied" : "",
    };

    [Fact]
    public void GroupsByOperationWithEveryMetric()
    {
        var summarizer = new LogSummarizer(new[] { S3AuditLogDimension.Operation });
        for (int i = 1; i <= 20; i++)
        {
            summarizer.Add(E("GetObject", "10.0.0." + (i % 3), i == 20 ? 403 : 200, 100, i, i));
        }

        summarizer.Add(E("PutObject", "10.0.0.9", 200, 5, 7, 30));

        IReadOnlyList<S3AuditLogSummary> rows = summarizer.GetSummary();
        Assert.Equal(new[] { "GetObject", "PutObject" }, rows.Select(r => r.Operation));
        S3AuditLogSummary get = rows[0];
        Assert.Equal((20L, 1L, 2000L, 3L), (get.Requests, get.Errors, get.BytesSent, get.DistinctRemoteIps));
        Assert.Equal((10d, 19d), (get.TotalTimeMsP50, get.TotalTimeMsP95));
        Assert.Equal((1, 20), (get.FirstSeen.Minute, get.LastSeen.Minute));
        Assert.Equal("GetObject", get.Group);
        Assert.Equal("", get.Requester);
        Assert.Null(get.HttpStatus);
    }

    [Fact]
    public void SeveralDimensionsTopAndSortBy()
    {
        var summarizer = new LogSummarizer(new[] { S3AuditLogDimension.Requester, S3AuditLogDimension.HttpStatus, S3AuditLogDimension.Hour });
        summarizer.AddRange(new[]
        {
            E("GetObject", "1.1.1.1", 200, 1, 1, 1, "alice"), E("GetObject", "1.1.1.1", 200, 1, 1, 2, "alice"),
            E("GetObject", "1.1.1.1", 403, 1, 1, 3, "bob"), E("GetObject", "1.1.1.1", 403, 1, 1, 4, "bob"), E("GetObject", "1.1.1.1", 403, 1, 1, 5, "bob"),
            E("GetObject", "1.1.1.1", 200, 900, 1, 6, "carol"),
        });

        S3AuditLogSummary top = Assert.Single(summarizer.GetSummary(1, "BytesSent"));
        Assert.Equal(("carol", 200, "carol, 200, 2026-11-20 10:00"), (top.Requester, top.HttpStatus, top.Group));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), top.Hour);

        IReadOnlyList<S3AuditLogSummary> byErrors = summarizer.GetSummary(0, "Errors");
        Assert.Equal(("bob", 3L), (byErrors[0].Requester, byErrors[0].Errors));
        Assert.Equal(3, byErrors.Count);
        Assert.Throws<ArgumentException>(() => summarizer.GetSummary(0, "Nope"));
    }

    [Fact]
    public void NoDimensionsIsOneGroup()
    {
        var summarizer = new LogSummarizer(Array.Empty<S3AuditLogDimension>());
        summarizer.AddRange(LogSamples.Parse(Path.Combine(LogSamples.Examples, "aws-access", "2019-02-06-00-05-12-7C1F0D5E2B9A4E31")));
        S3AuditLogSummary all = Assert.Single(summarizer.GetSummary());
        Assert.Equal((5L, 1L, 1L), (all.Requests, all.Errors, all.DistinctRemoteIps));
    }
}
