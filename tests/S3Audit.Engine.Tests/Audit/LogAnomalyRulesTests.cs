using S3Audit.Engine.Audit.Checks;

namespace S3Audit.Engine.Tests.Audit;

public class LogAnomalyRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    private static S3AuditLogEntry Event(string operation, int status, string requester = "backup-agent", string ip = "192.0.2.10", int minute = 0) => new()
    {
        Time = T0.AddMinutes(minute), Operation = operation, HttpStatus = status, Requester = requester, RemoteIp = ip, BucketName = "b", Key = "k",
    };

    [Fact]
    public void QuietTrafficHasNoAnomaly() =>
        Assert.Empty(LogAnomalyRules.Evaluate(Enumerable.Range(0, 500).Select(i => Event("PutObject", 200, minute: i % 60))));

    [Theory]
    [InlineData("anonymous")]
    [InlineData("")]
    public void OneSuccessfulAnonymousRequestIsHigh(string requester)
    {
        LogAnomaly anomaly = Assert.Single(LogAnomalyRules.Evaluate(new[] { Event("PutObject", 200), Event("GetObject", 200, requester: requester, ip: "198.51.100.7", minute: 5) }));
        Assert.Equal(("AnonymousAccess", "anonymous", S3AuditSeverity.High), (anomaly.Rule, anomaly.Resource, anomaly.Severity));
        Assert.Contains("198.51.100.7", anomaly.Detail);
    }

    [Fact]
    public void RefusedAnonymousRequestsAreNotAnonymousAccess() =>
        Assert.DoesNotContain(LogAnomalyRules.Evaluate(Enumerable.Range(0, 3).Select(_ => Event("GetObject", 403, requester: ""))), a => a.Rule == "AnonymousAccess");

    [Theory]
    [InlineData(LogAnomalyRules.AccessDeniedBurst - 1, false)]
    [InlineData(LogAnomalyRules.AccessDeniedBurst, true)]
    public void AccessDeniedBurstsArePerAddressFromTheThreshold(int refused, bool expected)
    {
        var events = Enumerable.Range(0, refused).Select(i => Event("GetObject", 403, ip: "203.0.113.5", minute: i))
            .Concat(Enumerable.Range(0, refused).Select(i => Event("GetObject", 403, ip: $"203.0.113.{100 + i}")));
        var bursts = LogAnomalyRules.Evaluate(events).Where(a => a.Rule == "AccessDeniedBurst").ToList();
        Assert.Equal(expected, bursts.Count == 1);
        Assert.All(bursts, b => Assert.Equal(("203.0.113.5", S3AuditSeverity.Medium), (b.Resource, b.Severity)));
    }

    [Theory]
    [InlineData(LogAnomalyRules.MassDelete - 1, false)]
    [InlineData(LogAnomalyRules.MassDelete, true)]
    public void MassDeletesArePerRequesterFromTheThresholdAndCountOnlySuccessfulDeletes(int deletes, bool expected)
    {
        var events = Enumerable.Range(0, deletes).Select(i => Event(i % 2 == 0 ? "DeleteObject" : "DeleteObjects", 204, requester: "cleanup", minute: i % 30))
            .Concat(Enumerable.Range(0, 500).Select(_ => Event("DeleteObject", 403, requester: "cleanup")))
            .Concat(Enumerable.Range(0, deletes - 1).Select(_ => Event("DeleteObject", 204, requester: "other")));
        var mass = LogAnomalyRules.Evaluate(events).Where(a => a.Rule == "MassDelete").ToList();
        Assert.Equal(expected, mass.Count == 1);
        Assert.All(mass, m => Assert.Equal(("cleanup", S3AuditSeverity.High), (m.Resource, m.Severity)));
    }
}
