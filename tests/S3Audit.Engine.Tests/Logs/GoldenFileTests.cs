using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Every example log (examples/logs: AWS documented examples and edge cases, Lyve S3/IAM/console, MinIO 2021 and 2024,
/// CloudTrail, Ceph ops log and RGW bucket logging), and every log RGW delivered in Logs/Fixtures, parses to exactly its
/// golden file in Logs/Golden, with no diagnostics.
/// Regenerate after a deliberate change with S3AUDIT_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class GoldenFileTests
{
    [Theory]
    [MemberData(nameof(LogSamples.ExampleFiles), MemberType = typeof(LogSamples))]
    public void ExampleParsesToGolden(string relativePath) => ParsesToGolden(LogSamples.Examples, relativePath, string.Empty);

    /// <summary>The logs RGW delivered (Logs/Fixtures), golden files named fixture_*.</summary>
    [Theory]
    [MemberData(nameof(LogSamples.FixtureFiles), MemberType = typeof(LogSamples))]
    public void RgwDeliveredFixtureParsesToGolden(string relativePath) => ParsesToGolden(LogSamples.Fixtures, relativePath, "fixture_");

    private static void ParsesToGolden(string root, string relativePath, string goldenPrefix)
    {
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.Parse(Path.Combine(root, relativePath), diagnostics);
        string actual = LogSamples.Render(entries);
        string golden = Path.Combine(LogSamples.GoldenDir, goldenPrefix + relativePath.Replace('/', '_') + ".tsv");

        if (Environment.GetEnvironmentVariable("S3AUDIT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(LogSamples.GoldenDir);
            File.WriteAllText(golden, actual);
        }

        Assert.Empty(diagnostics);
        Assert.NotEmpty(entries);
        Assert.True(File.Exists(golden), $"No golden file {golden}.");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
