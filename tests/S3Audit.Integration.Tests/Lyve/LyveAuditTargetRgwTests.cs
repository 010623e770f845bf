using Amazon.S3;
using Amazon.S3.Model;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Integration.Tests.Lyve;

/// <summary>
/// Set-LyveAuditTarget and Get-LyveAuditTarget's engine against Ceph RGW, declared as -Provider Lyve: the checks are
/// plain S3 calls (HeadBucket, object lock, versioning) that RGW answers like Lyve Cloud does.
/// </summary>
public sealed class LyveAuditTargetRgwTests : IDisposable
{
    private readonly string _settings = Path.Combine(Path.GetTempPath(), "s3audit-lyve-" + Guid.NewGuid().ToString("N"), "settings.yaml");

    private static S3ConnectionOptions LyveOnRgw()
    {
        S3ConnectionOptions options = RgwServer.Options();
        options.Provider = S3Provider.Lyve;
        return options;
    }

    [Fact]
    public async Task CreateMakesAnEligibleTargetThatIsRecordedAndReviewed()
    {
        string bucket = RgwServer.UniqueBucket("lyve-audit");
        using S3Session session = S3Session.Open(LyveOnRgw());
        var validator = new LyveTargetValidator(session);

        LyveAuditTarget missing = await validator.ValidateAsync(bucket, CancellationToken.None);
        Assert.False(missing.Eligible);
        Assert.Contains("does not exist", missing.Reasons);

        await new LyveTargetCreator(session).CreateAsync(bucket, "Governance", 3, CancellationToken.None);
        LyveAuditTarget created = await validator.ValidateAsync(bucket, CancellationToken.None);

        Assert.True(created.Eligible, created.Reasons);
        Assert.Equal((true, (bool?)true, "GOVERNANCE", 3, (bool?)true, ""), (created.Reachable, created.ObjectLockEnabled, created.RetentionMode, created.RetentionDays, created.VersioningEnabled, created.Reasons));
        Assert.Contains("Settings → Audit Logs → target bucket", created.RemainingStep);

        var store = new LyveTargetStore(_settings);
        LyveTargetRecorder.Record(created, store, DateTimeOffset.UtcNow);
        Assert.True(created.Recorded);
        LyveTargetRecord record = Assert.Single(store.Load());
        Assert.Equal((bucket, RgwServer.Endpoint, "us-east-1"), (record.BucketName, record.EndpointUrl, record.Region));
        Assert.Equal(new[] { "S3", "IAM", "Console" }, record.LogKinds);

        // Get-LyveAuditTarget: credentials from the caller, endpoint and region from the record.
        S3ConnectionOptions caller = LyveOnRgw();
        caller.EndpointUrl = null;
        caller.Region = null;
        var output = new CollectingOutput();
        await new LyveTargetReviewer(store, caller).RunAsync(new[] { "lyve-audit-*" }, validate: true, output, CancellationToken.None);
        Assert.Empty(output.Errors);
        LyveAuditTarget reviewed = Assert.Single(output.OfType<LyveAuditTarget>());
        Assert.Equal((bucket, true, true), (reviewed.BucketName, reviewed.Eligible, reviewed.Recorded));
        Assert.Equal(store.Path, reviewed.SettingsPath);
    }

    [Fact]
    public async Task ABucketWithoutObjectLockIsNotEligibleAndSaysWhy()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("lyve-plain");
        await s3.PutBucketAsync(bucket);
        using S3Session session = S3Session.Open(LyveOnRgw());

        LyveAuditTarget target = await new LyveTargetValidator(session).ValidateAsync(bucket, CancellationToken.None);

        Assert.False(target.Eligible);
        Assert.True(target.Reachable);
        Assert.False(target.ObjectLockEnabled);
        Assert.Contains("Object lock is not enabled", target.Reasons);
        Assert.Contains("Versioning is not enabled", target.Reasons);
        Assert.Throws<InvalidOperationException>(() => LyveTargetRecorder.Record(target, new LyveTargetStore(_settings), DateTimeOffset.UtcNow));
        Assert.False(File.Exists(_settings));
    }

    [Fact]
    public async Task ObjectLockWithoutDefaultRetentionIsNotEligible()
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        string bucket = RgwServer.UniqueBucket("lyve-noret");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, ObjectLockEnabledForBucket = true });
        using S3Session session = S3Session.Open(LyveOnRgw());

        LyveAuditTarget target = await new LyveTargetValidator(session).ValidateAsync(bucket, CancellationToken.None);

        Assert.False(target.Eligible);
        Assert.Equal(((bool?)true, (bool?)true), (target.ObjectLockEnabled, target.VersioningEnabled));
        Assert.Equal($"'{bucket}' has object lock but no default retention (mode and days): set one, e.g. GOVERNANCE for 365 days.", target.Reasons);
    }

    public void Dispose()
    {
        string? dir = Path.GetDirectoryName(_settings);
        if (dir != null && Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
