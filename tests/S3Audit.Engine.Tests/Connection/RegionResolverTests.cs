using System.Text.RegularExpressions;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Tests.Connection;

/// <summary>-Verbose names the region once, with where it came from ("using us-east-1. (us-east-1)" was said twice).</summary>
public class RegionResolverTests
{
    private static int Mentions(string text, string region) => Regex.Matches(text, Regex.Escape(region)).Count;

    [Fact]
    public void TheRegionParameterIsNamedOnce()
    {
        var (region, source, given) = RegionResolver.Resolve(new S3ConnectionOptions { Region = "eu-central-1" }, null);
        Assert.Equal(("eu-central-1", "Region eu-central-1 from the -Region parameter.", true), (region, source, given));
    }

    [Fact]
    public void WithoutAnyRegionTheFallbackIsNamedOnce()
    {
        var (region, source, given) = RegionResolver.Resolve(new S3ConnectionOptions { EndpointUrl = "http://127.0.0.1:7480" }, null);
        string? variable = new[] { "AWS_REGION", "AWS_DEFAULT_REGION" }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v)));
        Assert.Equal(variable != null, given); // the fallback is not a region anyone gave: no provider endpoint is derived from it
        Assert.Equal(variable == null ? "No region was given; using us-east-1." : $"Region {region} from the {variable} environment variable.", source);
        Assert.Equal(1, Mentions(source, region));
    }

    [Fact]
    public void TheEndpointHostIsNamedAsTheSourceWithItsRegion()
    {
        if (Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } || Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 })
        {
            Assert.Equal(("eu-central-1", "Region eu-central-1 from the -Region parameter.", true), RegionResolver.Resolve(new S3ConnectionOptions { Region = "eu-central-1", EndpointUrl = "https://sos-ch-gva-2.exo.io" }, null));
            return;
        }

        var (region, source, given) = RegionResolver.Resolve(new S3ConnectionOptions { EndpointUrl = "https://sos-ch-gva-2.exo.io" }, null);
        Assert.Equal(("ch-gva-2", "Region ch-gva-2 from the endpoint host name.", true), (region, source, given));
    }
}
