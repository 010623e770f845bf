using S3Audit.Engine.Exoscale;

namespace S3Audit.Engine.Tests.Exoscale;

/// <summary>EXO2-HMAC-SHA256 against published vectors (exoscale/python-exoscale-auth tests, and a node:crypto vector).</summary>
public class ExoscaleApiClientTests
{
    [Fact]
    public void SignsLikeTheReferenceClient() =>
        Assert.Equal(
            "EXO2-HMAC-SHA256 credential=EXOxxxxxxxxxxxxxxxxxxxxxxxx,expires=3376684800,signature=Ntbq/p0HVmA3Zg1HHY+Lq1vjFGi7HeMrrgXDS5jRNlY=",
            ExoscaleApiClient.Authorization("EXOxxxxxxxxxxxxxxxxxxxxxxxx", new string('X', 43), "GET", "/v2/zone", string.Empty, 3376684800));

    [Fact]
    public void SignsASecondVector() =>
        Assert.Equal(
            "EXO2-HMAC-SHA256 credential=EXOkey,expires=5,signature=f74QqNALtwElIaUwaqzpW8cgbfZTvVgqAIvPLgxP1Gk=",
            ExoscaleApiClient.Authorization("EXOkey", "s", "GET", "/v2/zone", string.Empty, 5));

    [Fact]
    public void TheZoneNamesTheEndpoint() =>
        Assert.Equal("https://api-de-fra-1.exoscale.com/v2/", ExoscaleApiOptions.ForZone("de-fra-1").ToString());
}
