using S3Audit.Engine.Buckets;

namespace S3Audit.Engine.Tests.Buckets;

/// <summary>One mapping of GetBucketLocation's answers, used by bucket posture and the access-logging preflight alike.</summary>
public class BucketRegionTests
{
    [Theory]
    [InlineData(null, "us-east-1")]
    [InlineData("", "us-east-1")]
    [InlineData("US", "us-east-1")]
    [InlineData("EU", "eu-west-1")]
    [InlineData("eu-central-1", "eu-central-1")]
    [InlineData("ch-gva-2", "ch-gva-2")]
    public void LegacyAndEmptyLocationsAreNamedRegions(string? location, string region) =>
        Assert.Equal(region, BucketRegion.FromLocation(location));
}
