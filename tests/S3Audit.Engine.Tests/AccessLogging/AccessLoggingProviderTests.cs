using S3Audit.Engine.AccessLogging;
using S3Audit.Engine.Connection;
using S3Audit.Engine.Lyve;
using S3Audit.Engine.Pipeline;
using S3Audit.Engine.Providers;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.AccessLogging;

/// <summary>Providers without server access logging are refused before any request, with what to use instead.</summary>
public class AccessLoggingProviderTests
{
    private static S3Session Session(S3Provider provider, string endpoint) => S3Session.Open(new S3ConnectionOptions
    {
        EndpointUrl = endpoint,
        AccessKey = "AKIDEXAMPLE",
        SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        Region = "us-east-1",
        Provider = provider,
    });

    [Theory]
    [InlineData(S3Provider.Exoscale, "Exoscale SOS has no server access logging", "logging gateway in front of the bucket (Start-S3AuditProxy")]
    [InlineData(S3Provider.Lyve, "Set-LyveAuditTarget", "immutable target bucket")]
    [InlineData(S3Provider.Minio, "placeholder that stores nothing", "audit webhook")]
    public async Task EnableAndDisableAreRefusedWithTheAlternativeAndNoRequest(S3Provider provider, string explanation, string alternative)
    {
        using var server = new RecordedHttpServer();
        using S3Session session = Session(provider, server.Url);
        var output = new CollectingOutput();

        var enable = await Assert.ThrowsAsync<FeatureNotSupportedException>(() =>
            new AccessLoggingEnabler(session).PlanAsync(new EnableLoggingRequest { BucketName = "src", TargetBucketName = "logs" }, output, CancellationToken.None));
        var disable = await Assert.ThrowsAsync<FeatureNotSupportedException>(() =>
            new AccessLoggingDisabler(session).PlanAsync(new DisableLoggingRequest { BucketName = "src" }, output, CancellationToken.None));

        foreach (FeatureNotSupportedException e in new[] { enable, disable })
        {
            Assert.Equal((provider, S3Feature.ServerAccessLogging), (e.Provider, e.Feature));
            Assert.Contains(explanation, e.Message);
            Assert.Contains(alternative, e.Message);
        }

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task CephIsNotRefused()
    {
        using var server = new RecordedHttpServer();
        using S3Session session = Session(S3Provider.Ceph, server.Url);
        var output = new CollectingOutput();

        // The preflight starts: the first request reaches the (empty) server, which answers 501.
        await new AccessLoggingEnabler(session).PlanAsync(new EnableLoggingRequest { BucketName = "src", TargetBucketName = "logs" }, output, CancellationToken.None);

        Assert.NotEmpty(server.Received);
    }

    [Theory]
    [InlineData(S3Provider.Aws)]
    [InlineData(S3Provider.Ceph)]
    [InlineData(S3Provider.Exoscale)]
    [InlineData(S3Provider.Minio)]
    public async Task TheLyveAuditTargetIsOnlyForLyveCloud(S3Provider provider)
    {
        using var server = new RecordedHttpServer();
        using S3Session session = Session(provider, server.Url);

        var e = await Assert.ThrowsAsync<FeatureNotSupportedException>(() => new LyveTargetValidator(session).ValidateAsync("audit", CancellationToken.None));
        await Assert.ThrowsAsync<FeatureNotSupportedException>(() => new LyveTargetCreator(session).CreateAsync("audit", "Governance", 30, CancellationToken.None));

        Assert.Equal(S3Feature.LyveAuditTarget, e.Feature);
        Assert.Empty(server.Received);
    }
}
