using System.Reflection;

namespace S3Audit.Module.Tests;

/// <summary>The parameters of Test-S3PublicExposure and Get-S3AuditBucket as the built module declares them.</summary>
public class ExposureCmdletSurfaceTests
{
    private sealed record Declared(string Property, string Set, bool Mandatory, int Position, bool ByValue, bool ByPropertyName);

    private static List<Declared> Parameters(string typeName)
    {
        using var mlc = ModuleFolder.OpenMetadata();
        Type type = mlc.LoadFromAssemblyPath(Path.Combine(ModuleFolder.Path, "S3Audit.Commands.dll")).GetType(typeName, throwOnError: true)!;
        var result = new List<Declared>();
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            foreach (CustomAttributeData attribute in property.GetCustomAttributesData().Where(a => a.AttributeType.Name == "ParameterAttribute"))
            {
                T Named<T>(string name, T fallback) => attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => (T)n.TypedValue.Value!).DefaultIfEmpty(fallback).First();
                result.Add(new Declared(property.Name, Named("ParameterSetName", "__AllParameterSets"), Named("Mandatory", false), Named("Position", int.MinValue),
                    Named("ValueFromPipeline", false), Named("ValueFromPipelineByPropertyName", false)));
            }
        }

        return result;
    }

    [Fact]
    public void TestS3PublicExposureHasABucketSetAndTwoOfflineSets()
    {
        List<Declared> parameters = Parameters("S3Audit.Commands.Cmdlets.TestS3PublicExposureCommand");
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
        List<Declared> parameters = Parameters("S3Audit.Commands.Cmdlets.GetS3AuditBucketCommand");
        Assert.Contains(new Declared("BucketName", "__AllParameterSets", false, 0, true, true), parameters);
        Assert.Equal(new[] { "BucketName", "Detailed", "RequireKms", "RequireObjectLock" }, parameters.Select(p => p.Property).OrderBy(p => p));
    }

    [Theory]
    [InlineData("Test-S3PublicExposure")]
    [InlineData("Get-S3AuditBucket")]
    public void HelpDocumentsEveryDeclaredParameter(string cmdlet)
    {
        string help = File.ReadAllText(Path.Combine(ModuleFolder.RepoRoot, "docs", "help", cmdlet + ".md"));
        List<Declared> parameters = Parameters($"S3Audit.Commands.Cmdlets.{cmdlet.Replace("-", string.Empty)}Command");
        Assert.All(parameters.Select(p => p.Property).Distinct(), name => Assert.Contains($"### -{name}\n", help));
        Assert.True(help.Split("### Example").Length >= 3, "at least two examples");
    }
}
