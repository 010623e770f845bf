using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Tests.Providers;

public class ProviderDetectorTests
{
    [Theory]
    [InlineData(null, S3Provider.Aws)]
    [InlineData("", S3Provider.Aws)]
    [InlineData("https://s3.eu-west-1.amazonaws.com", S3Provider.Aws)]
    [InlineData("https://bucket.s3.amazonaws.com", S3Provider.Aws)]
    [InlineData("https://sos-ch-gva-2.exo.io", S3Provider.Exoscale)]
    [InlineData("sos-de-fra-1.exo.io", S3Provider.Exoscale)]
    [InlineData("https://s3.us-east-1.lyvecloud.seagate.com", S3Provider.Lyve)]
    [InlineData("https://s3.eu-west-1.lyve.seagate.com", S3Provider.Lyve)]
    [InlineData("http://127.0.0.1:7480", S3Provider.Generic)]
    [InlineData("https://notamazonaws.com", S3Provider.Generic)]
    [InlineData("https://exo.io.evil.example", S3Provider.Generic)]
    public void DetectsProviderFromHost(string? endpoint, S3Provider expected) =>
        Assert.Equal(expected, ProviderDetector.Detect(endpoint));

    [Theory]
    [InlineData("https://sos-ch-gva-2.exo.io", "ch-gva-2")]
    [InlineData("https://s3.us-east-1.lyvecloud.seagate.com", "us-east-1")]
    [InlineData("https://s3.eu-west-1.amazonaws.com", "eu-west-1")]
    [InlineData("http://127.0.0.1:7480", null)]
    public void ReadsRegionFromWellKnownHosts(string endpoint, string? expected) =>
        Assert.Equal(expected, ProviderDetector.RegionFromEndpoint(endpoint));

    [Fact]
    public void UnsupportedFeatureNamesProviderFeatureAndAlternative()
    {
        var ex = Assert.Throws<FeatureNotSupportedException>(() => ProviderCapabilities.For(S3Provider.Exoscale).Require(S3Feature.ServerAccessLogging));
        Assert.Contains("Exoscale", ex.Message);
        Assert.Contains("ServerAccessLogging", ex.Message);
        Assert.Contains("Start-S3AuditProxy", ex.Message);
    }

    [Theory]
    [InlineData(S3Provider.Aws, S3Feature.ObjectOwnership, true)]
    [InlineData(S3Provider.Ceph, S3Feature.ObjectOwnership, false)]
    [InlineData(S3Provider.Ceph, S3Feature.ServerAccessLogging, true)]
    [InlineData(S3Provider.Minio, S3Feature.ServerAccessLogging, false)]
    [InlineData(S3Provider.Lyve, S3Feature.LyveAuditTarget, true)]
    [InlineData(S3Provider.Aws, S3Feature.LyveAuditTarget, false)]
    [InlineData(S3Provider.Exoscale, S3Feature.BlockPublicAccess, false)]
    [InlineData(S3Provider.Exoscale, S3Feature.ExoscaleBucketPolicy, true)]
    [InlineData(S3Provider.Ceph, S3Feature.IamApi, true)]
    public void CapabilitiesMatchTheProviders(S3Provider provider, S3Feature feature, bool expected) =>
        Assert.Equal(expected, ProviderCapabilities.For(provider).Supports(feature));

    [Fact]
    public void MinioAndLyveAclAnswersAreFixed()
    {
        Assert.True(ProviderCapabilities.For(S3Provider.Minio).AclAnswerIsFixed);
        Assert.True(ProviderCapabilities.For(S3Provider.Lyve).AclAnswerIsFixed);
        Assert.False(ProviderCapabilities.For(S3Provider.Ceph).AclAnswerIsFixed);
    }
}
