using S3Audit.Engine.Connection;
using S3Audit.Engine.Providers;

namespace S3Audit.Engine.Tests.Providers;

/// <summary>Without -EndpointUrl only AWS has an endpoint; Lyve and Exoscale have one per region, and nothing else is guessed.</summary>
public class ProviderEndpointsTests
{
    [Theory]
    [InlineData(S3Provider.Lyve, "us-west-1", "https://s3.us-west-1.lyvecloud.seagate.com")]
    [InlineData(S3Provider.Exoscale, "ch-gva-2", "https://sos-ch-gva-2.exo.io")]
    public void LyveAndExoscaleHaveAnEndpointPerRegion(S3Provider provider, string region, string endpoint) =>
        Assert.Equal(endpoint, ProviderEndpoints.ForRegion(provider, region, regionGiven: true));

    [Fact]
    public void WithoutARegionNoEndpointIsGuessed()
    {
        var e = Assert.Throws<ArgumentException>(() => ProviderEndpoints.ForRegion(S3Provider.Lyve, "us-east-1", regionGiven: false));
        Assert.Equal("-Provider Lyve needs -EndpointUrl or -Region: Lyve has an endpoint per region (https://s3.<region>.lyvecloud.seagate.com), and no region was given (-Region, AWS_REGION or the profile's region).", e.Message);
    }

    [Theory]
    [InlineData(S3Provider.Ceph, "http://rgw.example.com:7480")]
    [InlineData(S3Provider.Minio, "http://minio.example.com:9000")]
    [InlineData(S3Provider.Generic, "https://s3.example.com")]
    public void OtherProvidersNeedEndpointUrl(S3Provider provider, string example)
    {
        var e = Assert.Throws<ArgumentException>(() => ProviderEndpoints.ForRegion(provider, "us-east-1", regionGiven: true));
        Assert.StartsWith($"-Provider {provider} needs -EndpointUrl (for example {example})", e.Message);
        Assert.Null(e.ParamName);
    }

    /// <summary>Set-LyveAuditTarget -Provider Lyve -Region eu-west-1 without -EndpointUrl goes to Lyve, not to AWS; the caller's options are left as given.</summary>
    [Fact]
    public void ASessionForLyveWithARegionUsesTheLyveEndpoint()
    {
        var options = new S3ConnectionOptions { AccessKey = "AKID", SecretKey = "secret", Provider = S3Provider.Lyve, Region = "eu-west-1" };
        var verbose = new List<string>();

        using S3Session session = S3Session.Open(options, verbose.Add);

        Assert.Equal("https://s3.eu-west-1.lyvecloud.seagate.com", session.EndpointUrl);
        Assert.Null(options.EndpointUrl);
        Assert.Contains("Provider Lyve from the -Provider parameter; endpoint https://s3.eu-west-1.lyvecloud.seagate.com (the Lyve endpoint of region eu-west-1).", verbose);
        Assert.Contains("Region eu-west-1 from the -Region parameter.", verbose);
    }
}
