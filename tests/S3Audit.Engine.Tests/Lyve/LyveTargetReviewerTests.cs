using S3Audit.Engine.Connection;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Lyve;

public sealed class LyveTargetReviewerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "s3audit-review-" + Guid.NewGuid().ToString("N"));
    private string SettingsFile => Path.Combine(_dir, "settings.yml");

    private LyveTargetStore StoreWith(params (string Bucket, string Endpoint)[] targets)
    {
        var store = new LyveTargetStore(SettingsFile);
        foreach (var (bucket, endpoint) in targets)
        {
            store.Save(new LyveTargetRecord { BucketName = bucket, EndpointUrl = endpoint, Region = "us-east-1", RecordedAt = DateTimeOffset.Parse("2026-11-21T12:00:00Z") });
        }

        return store;
    }

    [Fact]
    public async Task WildcardsAndAnExplicitEndpointSelectTheRecords()
    {
        LyveTargetStore store = StoreWith(("audit-a", "https://s3.us-east-1.lyvecloud.seagate.com"), ("audit-b", "https://s3.us-west-1.lyvecloud.seagate.com"), ("other", "https://s3.us-east-1.lyvecloud.seagate.com"));
        var output = new CollectingOutput();

        await new LyveTargetReviewer(store, new S3ConnectionOptions { EndpointUrl = "https://s3.us-east-1.lyvecloud.seagate.com/" })
            .RunAsync(new[] { "audit-*" }, validate: false, output, CancellationToken.None);

        LyveAuditTarget row = Assert.Single(output.OfType<LyveAuditTarget>());
        Assert.Equal(("audit-a", true, "S3, IAM, Console", store.Path), (row.BucketName, row.Recorded, row.LogKinds, row.SettingsPath));
        Assert.False(row.Eligible);
        Assert.Contains("Not re-validated", row.Reasons);
    }

    [Fact]
    public async Task RecordsOnAnotherProviderAreReportedNotValidated()
    {
        using var server = new RecordedHttpServer();
        LyveTargetStore store = StoreWith(("audit-a", server.Url));
        var output = new CollectingOutput();

        await new LyveTargetReviewer(store, new S3ConnectionOptions { AccessKey = "AKIDEXAMPLE", SecretKey = "secret", Provider = S3Provider.Ceph })
            .RunAsync(Array.Empty<string>(), validate: true, output, CancellationToken.None);

        Assert.Empty(output.Objects);
        AuditErrorAssert.Single(output, "FeatureNotSupported", "audit-a");
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task AMalformedSettingsFileIsAnErrorNamingTheFile()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(SettingsFile, "lyveAuditTargets: [unclosed");
        var output = new CollectingOutput();

        await new LyveTargetReviewer(new LyveTargetStore(SettingsFile), new S3ConnectionOptions()).RunAsync(Array.Empty<string>(), true, output, CancellationToken.None);

        AuditErrorAssert.Single(output, "LyveSettingsInvalid", SettingsFile);
        Assert.Contains(SettingsFile, output.Errors.Single().Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
