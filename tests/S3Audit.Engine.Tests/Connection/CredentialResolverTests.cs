using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using S3Audit.Engine.Connection;

namespace S3Audit.Engine.Tests.Connection;

public class CredentialResolverTests
{
    private sealed class FakeProfiles : S3Audit.Engine.Connection.ICredentialProfileSource
    {
        private readonly Dictionary<string, AWSCredentials> _profiles;
        public FakeProfiles(Dictionary<string, AWSCredentials> profiles) => _profiles = profiles;
        public string Location => "fake store";
        public bool TryGetProfile(string name, out CredentialProfile? profile)
        {
            profile = _profiles.ContainsKey(name) ? new CredentialProfile(name, new CredentialProfileOptions { AccessKey = "A", SecretKey = "B" }) : null;
            return profile != null;
        }
        public bool TryGetAWSCredentials(string name, out AWSCredentials? credentials) => _profiles.TryGetValue(name, out credentials);
    }

    private static CredentialResolver Resolver(AWSCredentials? chain = null) =>
        new(_ => new FakeProfiles(new() { ["prod"] = new BasicAWSCredentials("PRODKEY", "prodsecret") }), () => chain);

    [Fact]
    public void ExplicitKeysWinOverProfileAndChain()
    {
        var resolved = Resolver(new BasicAWSCredentials("CHAIN", "x")).Resolve(new S3ConnectionOptions { AccessKey = "AKIAEXPLICIT1234", SecretKey = "s3cr3t", ProfileName = "prod" });
        Assert.Equal("AKIAEXPLICIT1234", resolved.Credentials.GetCredentials().AccessKey);
        Assert.Contains("-AccessKey and -SecretKey", resolved.Source);
        Assert.DoesNotContain("s3cr3t", resolved.Source);
        Assert.Contains("****1234", resolved.Source);
        Assert.DoesNotContain("AKIAEXPLICIT", resolved.Source);
    }

    [Fact]
    public void SessionTokenMakesSessionCredentials()
    {
        var resolved = Resolver().Resolve(new S3ConnectionOptions { AccessKey = "AK", SecretKey = "SK", SessionToken = "TOKEN" });
        Assert.IsType<SessionAWSCredentials>(resolved.Credentials);
        Assert.Equal("TOKEN", resolved.Credentials.GetCredentials().Token);
        Assert.DoesNotContain("TOKEN", resolved.Source);
    }

    [Fact]
    public void CredentialObjectIsNamedAsTheSource()
    {
        var resolved = Resolver().Resolve(new S3ConnectionOptions { AccessKey = "AK12345", SecretKey = "SK", KeysFromCredentialObject = true });
        Assert.Contains("-Credential", resolved.Source);
    }

    [Fact]
    public void OnlyOneOfTheKeysIsAnError() =>
        Assert.Throws<CredentialResolutionException>(() => Resolver().Resolve(new S3ConnectionOptions { AccessKey = "AK" }));

    [Fact]
    public void ProfileWinsOverChain()
    {
        var resolved = Resolver(new BasicAWSCredentials("CHAIN", "x")).Resolve(new S3ConnectionOptions { ProfileName = "prod" });
        Assert.Equal("PRODKEY", resolved.Credentials.GetCredentials().AccessKey);
        Assert.Contains("profile 'prod'", resolved.Source);
    }

    [Fact]
    public void MissingProfileIsAnErrorAndDoesNotFallBackToTheChain()
    {
        var ex = Assert.Throws<CredentialResolutionException>(() => Resolver(new BasicAWSCredentials("CHAIN", "x")).Resolve(new S3ConnectionOptions { ProfileName = "nope" }));
        Assert.Contains("'nope'", ex.Message);
    }

    [Fact]
    public void ChainIsTheLastResort()
    {
        var resolved = Resolver(new BasicAWSCredentials("CHAIN", "x")).Resolve(new S3ConnectionOptions());
        Assert.Equal("CHAIN", resolved.Credentials.GetCredentials().AccessKey);
        Assert.Contains("default chain", resolved.Source);
    }

    [Fact]
    public void NothingAnywhereIsAClearError()
    {
        var ex = Assert.Throws<CredentialResolutionException>(() => Resolver(null).Resolve(new S3ConnectionOptions()));
        Assert.Contains("No credentials were found", ex.Message);
    }

    [Fact]
    public void ProfileLocationReadsACustomCredentialsFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"s3audit-creds-{Guid.NewGuid():N}");
        File.WriteAllText(file, "[backup]\naws_access_key_id = AKIAFROMFILE0001\naws_secret_access_key = filesecret\nregion = eu-central-1\n");
        try
        {
            var resolved = new CredentialResolver().Resolve(new S3ConnectionOptions { ProfileName = "backup", ProfileLocation = file });
            Assert.Equal("AKIAFROMFILE0001", resolved.Credentials.GetCredentials().AccessKey);
            Assert.Equal("eu-central-1", resolved.Profile!.Region.SystemName);
            Assert.DoesNotContain("filesecret", resolved.Source);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SessionReportsSourcesWithoutSecrets()
    {
        var verbose = new List<string>();
        using var session = S3Session.Open(new S3ConnectionOptions { AccessKey = "AKIATESTKEY9876", SecretKey = "verysecret", Region = "ch-gva-2", EndpointUrl = "https://sos-ch-gva-2.exo.io" }, verbose.Add);
        Assert.Equal(S3Provider.Exoscale, session.Provider);
        Assert.Equal("ch-gva-2", session.Region);
        Assert.Contains(verbose, v => v.Contains("-Region"));
        Assert.All(verbose, v => Assert.DoesNotContain("verysecret", v));
        Assert.All(verbose, v => Assert.DoesNotContain("AKIATESTKEY", v));
    }

    [Fact]
    public void RegionComesFromTheEndpointWhenNothingElseSaysIt()
    {
        if (Environment.GetEnvironmentVariable("AWS_REGION") != null || Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") != null)
        {
            return; // the environment decides first, by design; covered by the -Region test
        }

        using var session = S3Session.Open(new S3ConnectionOptions { AccessKey = "A", SecretKey = "B", EndpointUrl = "https://sos-de-fra-1.exo.io" });
        Assert.Equal("de-fra-1", session.Region);
    }

    [Theory]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public void BadEndpointIsRejected(string endpoint) =>
        Assert.Throws<ArgumentException>(() => S3Session.Open(new S3ConnectionOptions { AccessKey = "A", SecretKey = "B", EndpointUrl = endpoint }));

    [Fact]
    public void CustomEndpointDefaultsToPathStyle()
    {
        using var session = S3Session.Open(new S3ConnectionOptions { AccessKey = "A", SecretKey = "B", Region = "us-east-1", EndpointUrl = "http://127.0.0.1:7480", Provider = S3Provider.Ceph });
        Assert.True(session.Config.ForcePathStyle);
        Assert.Equal(Amazon.Runtime.RequestRetryMode.Standard, session.Config.RetryMode);
        Assert.Equal(2, session.Config.MaxErrorRetry);
    }
}
