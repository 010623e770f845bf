using S3Audit.Engine.Lake;

namespace S3Audit.Engine.Tests.Lake;

public class LakeManifestTests
{
    [Fact]
    public void MergeReplacesSourcesByNameAndAddsFilesOnce()
    {
        var manifest = new LakeManifest();
        manifest.Merge(new[] { new ManifestSource { Name = "b", Records = 5 }, new ManifestSource { Name = "a", Records = 1 } }, new[] { new ManifestFile { Path = "p/1.parquet", Rows = 6 } });
        manifest.Merge(new[] { new ManifestSource { Name = "b", Records = 9, Complete = true } }, new[] { new ManifestFile { Path = "p/1.parquet", Rows = 6 }, new ManifestFile { Path = "p/2.parquet", Rows = 3 } });

        LakeManifest read = LakeManifest.Parse(manifest.ToJson(), "m.json");
        Assert.Equal(new[] { "a", "b" }, read.Sources.Select(s => s.Name));
        Assert.Equal(9, read.Sources[1].Records);
        Assert.True(read.Sources[1].Complete);
        Assert.Equal(new[] { "p/1.parquet", "p/2.parquet" }, read.Files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"version\":2}")]
    public void ATextThatIsNotAManifestIsAnErrorNamingTheFile(string text)
    {
        var e = Assert.Throws<InvalidOperationException>(() => LakeManifest.Parse(text, "s3://b/_s3audit/manifest.json"));
        Assert.Contains("s3://b/_s3audit/manifest.json", e.Message);
    }
}
