using S3Audit.Engine.Audit.Reports;
using S3Audit.Engine.IO;

namespace S3Audit.Engine.Tests.Audit;

/// <summary>The CSV and JSON reports, and that they reach the disk atomically.</summary>
public sealed class AuditReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s3audit-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static S3AuditFinding Sample() => new()
    {
        Target = "prod",
        BucketName = "backups",
        Check = "exposure",
        Rule = "PublicAclRead",
        Severity = S3AuditSeverity.High,
        Result = S3AuditResult.Fail,
        Status = S3AuditDriftStatus.Unchanged,
        Detail = "grants \"READ\", to AllUsers",
        Remediation = "Set it private.\nThen re-check.",
        FirstSeen = new DateTimeOffset(2026, 11, 14, 2, 0, 0, TimeSpan.Zero),
        Provider = S3Provider.Ceph,
    };

    [Fact]
    public void CsvHasTheFindingColumnsAndQuotesEveryValue()
    {
        string[] lines = CsvReport.Format(new[] { Sample() }).Split("\r\n");
        Assert.Equal("\"Target\",\"BucketName\",\"Check\",\"Rule\",\"Resource\",\"Severity\",\"Result\",\"Status\",\"Detail\",\"Remediation\",\"FirstSeen\",\"Provider\"", lines[0]);
        Assert.Equal("\"prod\",\"backups\",\"exposure\",\"PublicAclRead\",\"\",\"High\",\"Fail\",\"Unchanged\",\"grants \"\"READ\"\", to AllUsers\",\"Set it private.\nThen re-check.\",\"2026-11-14T02:00:00.0000000+00:00\",\"Ceph\"", lines[1]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void JsonReportRoundTripsAsABaseline()
    {
        string path = Path.Combine(_dir, "run.json");
        JsonReport.Write(path, new S3AuditRunSummary { TargetCount = 1, HighCount = 1 }, new[] { Sample() });

        string text = File.ReadAllText(path);
        Assert.Contains("\"Schema\": \"S3Audit.AuditReport/1\"", text);
        Assert.Contains("\"Severity\": \"High\"", text);
        Assert.Contains("\"HighCount\": 1", text);
        S3AuditFinding back = JsonReport.ReadFindings(path).Single();
        Assert.Equivalent(Sample(), back, strict: true);
    }

    [Theory]
    [InlineData("{\"Findings\": []}")]
    [InlineData("not json")]
    [InlineData("\"Target\",\"BucketName\"\n")]
    public void AFileThatIsNotAReportIsRejectedAsBaseline(string content)
    {
        string path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InvalidDataException>(() => JsonReport.ReadFindings(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not an S3Audit JSON report", e.Message);
    }

    [Fact]
    public void AReportReplacesTheOldOneWholeAndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(_dir, "reports", "audit.csv");
        CsvReport.Write(path, new[] { Sample() });
        string old = File.ReadAllText(path);

        // A reader that opened the old report keeps reading the old content in full while the new one is renamed into place.
        using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)))
        {
            CsvReport.Write(path, Enumerable.Repeat(Sample(), 1000));
            Assert.Equal(old, reader.ReadToEnd());
        }

        Assert.Equal(1001, File.ReadAllText(path).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(new[] { "audit.csv" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void AWriteThatFailsHalfwayLeavesTheOldReportIntact()
    {
        string path = Path.Combine(_dir, "audit.json");
        JsonReport.Write(path, new S3AuditRunSummary(), new[] { Sample() });
        string old = File.ReadAllText(path);

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[] { (byte)'{' }, 0, 1);
            throw new IOException("disk full");
        }));

        Assert.Equal(old, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }
}

public class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"\"http://x\"\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    public void CellsThatStartLikeFormulasAreDefused(string resource, string expectedCell)
    {
        string csv = S3Audit.Engine.Audit.Reports.CsvReport.Format(new[] { new S3AuditFinding { Target = "t", Resource = resource } });
        Assert.Contains($",\"{expectedCell}\",", csv);
    }
}
