namespace S3Audit.Module.Tests;

/// <summary>The parameters of Test-S3PublicExposure and Get-S3AuditBucket as the built module declares them.</summary>
public class ExposureCmdletSurfaceTests
{
    private sealed record Declared(string Property, string Set, bool Mandatory, int Position, bool ByValue, bool ByPropertyName);

    /// <summary>One row per [Parameter] attribute of the parameters the cmdlet class itself declares; Position is int.MinValue when not given.</summary>
    private static List<Declared> Parameters(string cmdlet) =>
        ModuleFolder.Cmdlet(cmdlet).Parameters.Where(p => !p.IsInherited)
            .SelectMany(p => p.Sets.Select(s => new Declared(p.Name, s.SetName, s.Mandatory, s.Position ?? int.MinValue, s.ByValue, s.ByPropertyName)))
            .ToList();

    [Fact]
    public void TestS3PublicExposureHasABucketSetAndTwoOfflineSets()
    {
        List<Declared> parameters = Parameters("Test-S3PublicExposure");
        Assert.Contains(new Declared("BucketName", "__AllParameterSets", false, 0, true, true), parameters);
        Assert.Contains(new Declared("PolicyDocument", "PolicyDocument", true, int.MinValue, false, false), parameters);
        Assert.Contains(new Declared("PolicyPath", "PolicyPath", true, int.MinValue, false, false), parameters);
        foreach (string bucketOnly in new[] { "IncludeObjects", "Prefix", "MaxObjects", "ThrottleLimit" })
        {
            Assert.Equal("Bucket", Assert.Single(parameters, p => p.Property == bucketOnly).Set);
        }

        Assert.Equal("__AllParameterSets", Assert.Single(parameters, p => p.Property == "Detailed").Set);
    }

    [Fact]
    public void GetS3AuditBucketTakesBucketsFromThePipelineAndItsCheckSwitches()
    {
        List<Declared> parameters = Parameters("Get-S3AuditBucket");
        Assert.Contains(new Declared("BucketName", "__AllParameterSets", false, 0, true, true), parameters);
        Assert.Equal(new[] { "BucketName", "Detailed", "RequireKms", "RequireObjectLock", "ThrottleLimit" }, parameters.Select(p => p.Property).OrderBy(p => p));
    }

    [Theory]
    [InlineData("Test-S3PublicExposure")]
    [InlineData("Get-S3AuditBucket")]
    public void HelpDocumentsEveryDeclaredParameter(string cmdlet)
    {
        string help = File.ReadAllText(Path.Combine(ModuleFolder.RepoRoot, "docs", "help", cmdlet + ".md"));
        List<Declared> parameters = Parameters(cmdlet);
        Assert.All(parameters.Select(p => p.Property).Distinct(), name => Assert.Contains($"### -{name}\n", help));
        Assert.True(help.Split("### Example").Length >= 3, "at least two examples");
    }
}
