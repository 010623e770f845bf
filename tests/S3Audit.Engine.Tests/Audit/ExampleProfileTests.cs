using S3Audit.Engine.Audit.Config;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Audit;

/// <summary>Every sample profile in examples/ is valid as shipped (with no environment variable set).</summary>
public class ExampleProfileTests
{
    public static TheoryData<string> Profiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepoPaths.Combine("examples"), "*.yml", SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TheSampleProfileIsValid(string relativePath)
    {
        AuditConfig config = AuditConfigLoader.Load(RepoPaths.Combine(relativePath), _ => null);
        Assert.NotEmpty(config.Targets);
        Assert.NotEmpty(config.Checks);
        Assert.True(config.CsvPath != null || config.JsonPath != null, $"{relativePath} writes no report");
        Assert.All(config.Targets, t => Assert.True(t.Profile != null || t.AccessKeyVariable != null, $"{relativePath}: target {t.Name} has no credentials"));
    }

    [Fact]
    public void ThereIsASampleForEveryNamedProvider()
    {
        var providers = Directory.GetFiles(RepoPaths.Combine("examples", "providers"), "*.yml")
            .SelectMany(f => AuditConfigLoader.Load(f, _ => null).Targets.Select(t => t.Provider)).ToHashSet();
        Assert.Equal(Enum.GetValues<S3Provider>().Except(new[] { S3Provider.Generic }), providers.OrderBy(p => p));
    }
}
