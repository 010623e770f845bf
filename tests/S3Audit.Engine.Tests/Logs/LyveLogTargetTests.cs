using S3Audit.Engine.Logs;
using S3Audit.Engine.Lyve;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>-LyveTarget reads the target recorded in the settings file: one is taken, several need -BucketName, none is an error.</summary>
public class LyveLogTargetTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "s3audit-lyve-" + Guid.NewGuid().ToString("N") + ".yaml");

    public void Dispose() => File.Delete(_file);

    private static LyveTargetRecord Target(string bucket) => new() { BucketName = bucket, EndpointUrl = "https://s3.us-east-1.lyvecloud.seagate.com", Region = "us-east-1" };

    [Fact]
    public void NoneOneAndSeveral()
    {
        var store = new LyveTargetStore(_file);
        Assert.Null(LyveLogTarget.Find(store, null, null, out string none));
        Assert.Contains("Set-LyveAuditTarget", none);

        store.Save(Target("audit-a"));
        Assert.Equal("audit-a", LyveLogTarget.Find(store, null, null, out _)!.BucketName);

        store.Save(Target("audit-b"));
        Assert.Null(LyveLogTarget.Find(store, null, null, out string several));
        Assert.Contains("audit-a, audit-b", several);
        Assert.Equal("audit-b", LyveLogTarget.Find(store, "audit-b", "https://S3.us-east-1.lyvecloud.seagate.com/", out _)!.BucketName);
        Assert.Null(LyveLogTarget.Find(store, "audit-b", "https://other.example", out _));
    }
}
