using S3Audit.Engine.Lyve;

namespace S3Audit.Engine.Tests.Lyve;

public class LyveTargetStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "s3audit-store-" + Guid.NewGuid().ToString("N"));
    private string File => Path.Combine(_dir, "settings.yml");

    [Fact]
    public void MissingFileMeansNoTargets() => Assert.Empty(new LyveTargetStore(File).Load());

    [Fact]
    public void SaveUpsertsByEndpointAndBucketAndKeepsOtherSections()
    {
        Directory.CreateDirectory(_dir);
        System.IO.File.WriteAllText(File, "otherSection:\n  keep: me\n");
        var store = new LyveTargetStore(File);
        store.Save(new LyveTargetRecord { BucketName = "audit", EndpointUrl = "https://s3.us-east-1.lyvecloud.seagate.com", Region = "us-east-1" });
        store.Save(new LyveTargetRecord { BucketName = "audit", EndpointUrl = "https://s3.us-east-1.lyvecloud.seagate.com/", Region = "us-east-1", LogKinds = { "S3" } });
        store.Save(new LyveTargetRecord { BucketName = "audit2", EndpointUrl = "https://s3.us-east-1.lyvecloud.seagate.com", Region = "us-east-1" });

        var targets = store.Load();
        Assert.Equal(new[] { "audit", "audit2" }, targets.Select(t => t.BucketName).OrderBy(b => b));
        Assert.Contains("keep: me", System.IO.File.ReadAllText(File));
        Assert.True(store.Remove("https://s3.us-east-1.lyvecloud.seagate.com", "audit2"));
        Assert.False(store.Remove("https://s3.us-east-1.lyvecloud.seagate.com", "audit2"));
        Assert.Single(store.Load());
    }

    [Fact]
    public void MalformedFileNamesFileLineAndColumn()
    {
        Directory.CreateDirectory(_dir);
        System.IO.File.WriteAllText(File, "lyveAuditTargets:\n  - bucketName: [unclosed\n");
        var ex = Assert.Throws<InvalidDataException>(() => new LyveTargetStore(File).Load());
        Assert.Contains(File, ex.Message);
        Assert.Matches(@"\(\d+,\d+\)", ex.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
