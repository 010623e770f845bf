using S3Audit.Engine.Logs;

namespace S3Audit.Engine.Tests.Logs;

/// <summary>
/// Every example log (examples/logs: AWS documented examples and edge cases, Lyve S3/IAM/console, MinIO 2021 and 2024,
/// CloudTrail, Ceph ops log and RGW bucket logging) parses to exactly its golden file in Logs/Golden, with no diagnostics.
/// Regenerate after a deliberate change with S3AUDIT_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class GoldenFileTests
{
    [Theory]
    [MemberData(nameof(LogSamples.ExampleFiles), MemberType = typeof(LogSamples))]
    public void ExampleParsesToGolden(string relativePath)
    {
        var diagnostics = new List<LogDiagnostic>();
        List<S3AuditLogEntry> entries = LogSamples.Parse(Path.Combine(LogSamples.Examples, relativePath), diagnostics);
        string actual = LogSamples.Render(entries);
        string golden = Path.Combine(LogSamples.GoldenDir, relativePath.Replace('/', '_') + ".tsv");

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
