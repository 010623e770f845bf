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

    /// <summary>recordedAt is one ISO 8601 value in the file, and Get-LyveAuditTarget reads back the time written.</summary>
    [Fact]
    public void RecordedAtIsWrittenAsIso8601AndReadBack()
    {
        var recorded = new DateTimeOffset(2026, 11, 14, 2, 0, 0, 123, TimeSpan.Zero);
        var store = new LyveTargetStore(File);
        store.Save(new LyveTargetRecord { BucketName = "audit", EndpointUrl = "https://s3.us-east-1.lyvecloud.seagate.com", Region = "us-east-1", RecordedAt = recorded });

        string text = System.IO.File.ReadAllText(File);
        Assert.Contains("  recordedAt: 2026-11-14T02:00:00.1230000+00:00\n", text);
        Assert.DoesNotContain("utcDateTime", text);
        Assert.Equal(recorded, Assert.Single(store.Load()).RecordedAt);
    }

    /// <summary>Files written before kept every property of the DateTimeOffset: the time is read from utcDateTime.</summary>
    [Fact]
    public void RecordedAtDumpedByEarlierVersionsIsReadFromUtcDateTime()
    {
        Directory.CreateDirectory(_dir);
        System.IO.File.WriteAllText(File,
            "lyveAuditTargets:\n- bucketName: audit\n  endpointUrl: https://s3.us-east-1.lyvecloud.seagate.com\n  region: us-east-1\n  recordedAt:\n" +
            "    dateTime: 2026-12-03T13:27:06.7421522\n    utcDateTime: 2026-12-03T13:27:06.7421522Z\n    day: 3\n    offset:\n      ticks: 0\n      hours: 0\n    ticks: 639003052267421522\n");

        LyveTargetRecord record = Assert.Single(new LyveTargetStore(File).Load());

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 27, 6, TimeSpan.Zero).AddTicks(7421522), record.RecordedAt);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
