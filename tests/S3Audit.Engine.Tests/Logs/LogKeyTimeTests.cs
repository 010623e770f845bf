using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>Key times for every key layout the listing pushdown relies on.</summary>
public class LogKeyTimeTests
{
    [Theory]
    [InlineData("logs/2026-11-20-10-15-42-3F1D7C0B8E6A5D4C", "logs/", "2026-11-20 10:15:42", false)]
    [InlineData("logs/123456789012/eu-west-1/src/2026/11/20/2026-11-20-00-00-00-ABCDEF", "logs/123456789012/eu-west-1/src/", "2026-11-20 00:00:00", true)]
    [InlineData("S3-mybucket-2026-11-20-10-15-00.gz", "S3-mybucket-", "2026-11-20 10:15:00", false)]
    [InlineData("IAM-2026-11-20-10-00-00.gz", "IAM-", "2026-11-20 10:00:00", false)]
    [InlineData("console-2026-11-20-10-00-00.gz", "console-", "2026-11-20 10:00:00", false)]
    [InlineData("AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/20/123456789012_CloudTrail_us-east-1_20261120T1005Z_a1B2.json.gz", "AWSLogs/123456789012/CloudTrail/us-east-1/", "2026-11-20 00:00:00", true)]
    public void KnownLayouts(string key, string stem, string low, bool dayFolder)
    {
        LogKeyTime t = LogKeyTime.Parse(key)!;
        Assert.Equal((stem, low, dayFolder), (t.Stem, t.Low.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), t.IsDayFolder));
        Assert.True(string.CompareOrdinal(t.StartAfterFor(t.Low), key) < 0, "StartAfter for the key's own time must not skip it");
        Assert.True(string.CompareOrdinal(t.StartAfterEnd(), key) > 0);
    }

    [Theory]
    [InlineData("random/object.txt")]
    [InlineData("logs/2026-13-45-99-99-99-X")]
    public void UnknownLayoutsHaveNoTime(string key) => Assert.Null(LogKeyTime.Parse(key));
}
