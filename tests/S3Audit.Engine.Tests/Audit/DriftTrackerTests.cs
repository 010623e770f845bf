using S3Audit.Engine.Audit.Run;

namespace S3Audit.Engine.Tests.Audit;

public class DriftTrackerTests
{
    private static readonly DateTimeOffset LastWeek = new(2026, 11, 14, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    private static S3AuditFinding Finding(string target, string bucket, string rule, S3AuditDriftStatus status = S3AuditDriftStatus.New) => new()
    {
        Target = target,
        BucketName = bucket,
        Check = "exposure",
        Rule = rule,
        Severity = S3AuditSeverity.High,
        Status = status,
        FirstSeen = LastWeek,
        Detail = "before",
    };

    [Fact]
    public void WithoutABaselineEveryFindingIsNewAndFirstSeenNow()
    {
        var findings = new DriftTracker(null).Classify("prod", true, new[] { Finding("prod", "a", "PublicAclRead") }, Now);
        Assert.Equal((S3AuditDriftStatus.New, Now), (findings.Single().Status, findings.Single().FirstSeen));
    }

    [Fact]
    public void FindingsAreNewUnchangedOrResolved()
    {
        var baseline = new[] { Finding("prod", "a", "PublicAclRead"), Finding("prod", "b", "PublicAclWrite"), Finding("other", "x", "PublicAclRead") };
        var current = new[] { Finding("PROD", "a", "PublicAclRead"), Finding("prod", "c", "PublicAclRead") };
        foreach (S3AuditFinding f in current) f.FirstSeen = default;

        var result = new DriftTracker(baseline).Classify("prod", true, current, Now);

        Assert.Equal(3, result.Count);
        Assert.Equal((S3AuditDriftStatus.Unchanged, LastWeek), (result.Single(f => f.BucketName == "a").Status, result.Single(f => f.BucketName == "a").FirstSeen));
        Assert.Equal((S3AuditDriftStatus.New, Now), (result.Single(f => f.BucketName == "c").Status, result.Single(f => f.BucketName == "c").FirstSeen));
        S3AuditFinding resolved = result.Single(f => f.BucketName == "b");
        Assert.Equal((S3AuditDriftStatus.Resolved, LastWeek, "PublicAclWrite", "before"), (resolved.Status, resolved.FirstSeen, resolved.Rule, resolved.Detail));
        Assert.DoesNotContain(result, f => f.Target == "other");
    }

    [Fact]
    public void ARuleChangeOnTheSameBucketIsANewFindingAndTheOldOneResolves()
    {
        var result = new DriftTracker(new[] { Finding("prod", "a", "PublicAclRead") }).Classify("prod", true, new[] { Finding("prod", "a", "PublicAclWrite") }, Now);
        Assert.Equal(new[] { ("PublicAclWrite", S3AuditDriftStatus.New), ("PublicAclRead", S3AuditDriftStatus.Resolved) }, result.Select(f => (f.Rule, f.Status)));
    }

    [Fact]
    public void AnIncompleteTargetDoesNotResolveWhatItCouldNotSee()
    {
        var result = new DriftTracker(new[] { Finding("prod", "a", "PublicAclRead") }).Classify("prod", false, Array.Empty<S3AuditFinding>(), Now);
        Assert.Equal((S3AuditDriftStatus.NotRechecked, LastWeek), (result.Single().Status, result.Single().FirstSeen));
    }

    [Fact]
    public void ResolvedBaselineFindingsAreHistoryAndComeBackAsNew()
    {
        var baseline = new[] { Finding("prod", "a", "PublicAclRead", S3AuditDriftStatus.Resolved) };
        var tracker = new DriftTracker(baseline);
        Assert.Empty(tracker.Classify("prod", true, Array.Empty<S3AuditFinding>(), Now));
        var again = tracker.Classify("prod", true, new[] { Finding("prod", "a", "PublicAclRead") }, Now);
        Assert.Equal((S3AuditDriftStatus.New, Now), (again.Single().Status, again.Single().FirstSeen));
    }

    [Fact]
    public void NotRecheckedFindingsStayOpenForTheNextRun()
    {
        var baseline = new[] { Finding("prod", "a", "PublicAclRead", S3AuditDriftStatus.NotRechecked) };
        var result = new DriftTracker(baseline).Classify("prod", true, new[] { Finding("prod", "a", "PublicAclRead") }, Now);
        Assert.Equal((S3AuditDriftStatus.Unchanged, LastWeek), (result.Single().Status, result.Single().FirstSeen));
    }
}
