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

    /// <summary>Each recorded target has its own endpoint: one that cannot be reached is that target's error and row, and the next is still checked.</summary>
    [Fact]
    public async Task ARecordOnAnUnreachableEndpointIsItsOwnErrorAndTheOthersAreChecked()
    {
        using var server = new RecordedHttpServer()
            .On("HEAD", (path, _) => path.StartsWith("/audit-b", StringComparison.Ordinal), new RecordedResponse(404, string.Empty));
        int port = LoopbackPort.Free();
        LyveTargetStore store = StoreWith(("audit-a", $"http://127.0.0.1:{port}"), ("audit-b", server.Url));
        var output = new CollectingOutput();

        await new LyveTargetReviewer(store, new S3ConnectionOptions { AccessKey = "AKIDEXAMPLE", SecretKey = "secret", MaxAttempts = 1 })
            .RunAsync(Array.Empty<string>(), validate: true, output, CancellationToken.None);

        AuditErrorAssert.Single(output, EndpointGuard.UnreachableId, "audit-a");
        Assert.StartsWith($"Recorded target 'audit-a': Cannot connect to http://127.0.0.1:{port}: ", output.Errors.Single().Message);
        Assert.Equal(new[] { "audit-a", "audit-b" }, output.OfType<LyveAuditTarget>().Select(r => r.BucketName));
        Assert.All(output.OfType<LyveAuditTarget>(), r => Assert.False(r.Eligible));
        Assert.Contains("refused the connection", output.OfType<LyveAuditTarget>().First().Reasons);
        Assert.Contains(server.Received, r => r.Method == "HEAD" && r.PathAndQuery.StartsWith("/audit-b", StringComparison.Ordinal));
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
    public async Task ARecordOnAnEndpointWithoutALyveHostNameIsValidatedAsLyve()
    {
        using var server = new RecordedHttpServer();
        LyveTargetStore store = StoreWith(("audit-a", server.Url));
        var output = new CollectingOutput();

        await new LyveTargetReviewer(store, new S3ConnectionOptions { AccessKey = "AKIDEXAMPLE", SecretKey = "secret" })
            .RunAsync(Array.Empty<string>(), validate: true, output, CancellationToken.None);

        Assert.DoesNotContain(output.Errors, e => e.ErrorId == "FeatureNotSupported");
        Assert.NotEmpty(server.Received);
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

public class LyveSettingsFileByHandTests
{
    /// <summary>The same YAML as tests/pester/Get-LyveAuditTarget.Tests.ps1 writes by hand.</summary>
    [Fact]
    public void AHandWrittenSettingsFileIsRead()
    {
        string file = Path.Combine(Path.GetTempPath(), "s3audit-hand-" + Guid.NewGuid().ToString("N") + ".yml");
        File.WriteAllText(file, "lyveAuditTargets:\n- bucketName: audit-logs\n  endpointUrl: https://s3.us-east-1.lyvecloud.seagate.com\n  region: us-east-1\n  logKinds: [S3, IAM, Console]\n  recordedAt: 2026-11-21T12:00:00+00:00\n");
        try
        {
            LyveTargetRecord record = Assert.Single(new LyveTargetStore(file).Load());
            Assert.Equal(("audit-logs", "us-east-1", DateTimeOffset.Parse("2026-11-21T12:00:00Z")), (record.BucketName, record.Region, record.RecordedAt));
            Assert.Equal(new[] { "S3", "IAM", "Console" }, record.LogKinds);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
