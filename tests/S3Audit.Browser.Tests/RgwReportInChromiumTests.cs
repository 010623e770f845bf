using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Playwright;
using S3Audit.BrowserSupport;
using S3Audit.Engine.Audit.Config;
using S3Audit.Engine.Audit.Run;
using S3Audit.Engine.Pipeline;
using S3Audit.TestSupport;

namespace S3Audit.Browser.Tests;

/// <summary>
/// The report the audit profile's outputs.html writes after a real audit of Ceph RGW, opened in headless Chromium:
/// filter to High, sort by bucket, and the rows shown are the run's High findings in bucket order. The access logs
/// carry hostile object keys and a hostile User-Agent (anonymous requests the logAnomalies check reports): they are
/// shown as text and run nothing. The page makes no request and logs no error.
/// </summary>
public sealed class RgwReportInChromiumTests : IAsyncLifetime
{
    private static readonly string[] HostileKeys = { "<script>alert('key')</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(document.domain)" };
    private const string HostileUserAgent = "Mozilla/5.0 </script><script>alert('ua')</script>";
    private readonly string _dir = Directory.CreateTempSubdirectory("s3audit-html-rgw-").FullName;
    private readonly string _prefix = RgwServer.UniqueBucket("html");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Removes the test's folder and its buckets, the source first so that no log is delivered after.</summary>
    public async Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        foreach (string suffix in new[] { "-src", "-open-a", "-open-b", "-logs" })
        {
            await RgwCleanup.RemoveBucketAsync(_prefix + suffix);
        }
    }

    [Fact]
    public async Task FilteredToHighAndSortedByBucketTheRowsAreTheRunsHighFindings()
    {
        string openA = _prefix + "-open-a", openB = _prefix + "-open-b", source = _prefix + "-src", logs = _prefix + "-logs";
        await ArrangeAsync(openA, openB, source, logs);
        var (findings, html) = await AuditAsync();

        var high = findings.Where(f => f.Severity == S3AuditSeverity.High).ToList();
        Assert.Contains(high, f => f.BucketName == openA && f.Rule == "PublicAcl");
        Assert.Contains(high, f => f.BucketName == openB && f.Rule == "PublicAcl");
        S3AuditFinding anonymous = Assert.Single(high, f => f.BucketName == source && f.Rule == "AnonymousAccess");
        Assert.Contains(HostileUserAgent, anonymous.Detail);

        await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
        WatchedPage page = await chromium.OpenAsync(html);
        Assert.Equal(findings.Count, (await page.VisibleRowsAsync()).Count);

        await page.Page.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "High" });
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Bucket", Exact = true }).ClickAsync();

        IReadOnlyList<string[]> rows = await page.VisibleRowsAsync();
        Assert.All(rows, r => Assert.Equal("High", r[0]));
        Assert.Equal(
            high.Select(f => f.BucketName).OrderBy(b => b.ToUpperInvariant(), StringComparer.Ordinal).ThenBy(b => b, StringComparer.Ordinal),
            rows.Select(r => r[2]));
        Assert.Equal(
            high.Select(f => $"{f.Target}|{f.BucketName}|{f.Check}|{f.Rule}|{f.Resource}").OrderBy(s => s, StringComparer.Ordinal),
            rows.Select(r => string.Join("|", r[1..6])).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal($"Showing {high.Count} of {findings.Count} findings", await page.Page.Locator("#shown").InnerTextAsync());
        Assert.Equal("ascending", await page.Page.Locator("th[data-col='2']").GetAttributeAsync("aria-sort"));

        // The hostile user agent and key from RGW's own access log are in the row as text, and nothing ran.
        string detail = rows.Single(r => r[4] == "AnonymousAccess")[9];
        Assert.Contains(HostileUserAgent, detail);
        Assert.Contains(HostileKeys, k => detail.Contains(k, StringComparison.Ordinal));
        Assert.Equal("S3Audit report: audit.yml, " + DateTime.UtcNow.ToString("yyyy-MM-dd"), await page.Page.TitleAsync());
        Assert.Equal(2, await page.Page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Page.Locator("img").CountAsync());

        Directory.CreateDirectory(RepoPaths.Combine("out", "test-results"));
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = RepoPaths.Combine("out", "test-results", "html-report-rgw-high-by-bucket.png"), FullPage = true });
        Assert.Empty(page.Requests);
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.Dialogs);
    }

    /// <summary>Two public buckets; a source bucket that logs to a log bucket and whose public objects with hostile
    /// keys were read anonymously with a hostile User-Agent.</summary>
    private static async Task ArrangeAsync(string openA, string openB, string source, string logs)
    {
        using AmazonS3Client s3 = RgwServer.RawClient();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = openA, CannedACL = S3CannedACL.PublicRead });
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = openB, CannedACL = S3CannedACL.PublicRead });
        await s3.PutBucketAsync(source);
        await s3.PutBucketAsync(logs);
        foreach (string key in HostileKeys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = source, Key = key, ContentBody = "x", CannedACL = S3CannedACL.PublicRead });
        }

        PutBucketLoggingRequest logging = await RgwAccessLogs.EnableAsync(s3, source, logs);

        using (var anonymous = new HttpClient())
        {
            foreach (string key in HostileKeys)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{RgwServer.Endpoint}/{source}/{Uri.EscapeDataString(key)}");
                request.Headers.TryAddWithoutValidation("User-Agent", HostileUserAgent);
                Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(request)).StatusCode);
            }
        }

        await RgwAccessLogs.DeliverAsync(s3, logging);
    }

    /// <summary>Runs the profile with every bucket check and outputs.html; returns the findings and the page it wrote.</summary>
    private async Task<(List<S3AuditFinding> Findings, string Html)> AuditAsync()
    {
        var env = new Dictionary<string, string> { ["RGW_EP"] = RgwServer.Endpoint, ["RGW_AK"] = RgwServer.AccessKey, ["RGW_SK"] = RgwServer.SecretKey };
        string yaml = $"targets:\n  - name: rgw\n    provider: Ceph\n    endpoint: ${{RGW_EP}}\n    region: us-east-1\n    accessKeyVariable: RGW_AK\n    secretKeyVariable: RGW_SK\n" +
                      $"    buckets:\n      include: ['{_prefix}-*']\nchecks:\n  exposure: true\n  posture: true\n  logging: true\n  logAnomalies:\n    enabled: true\n    hours: 2\n" +
                      "outputs:\n  html: reports/s3audit-{date}.html\n";
        AuditConfig config = AuditConfigLoader.Parse(yaml, Path.Combine(_dir, "audit.yml"), n => env.GetValueOrDefault(n));
        var output = new CollectingOutput();
        S3AuditRunSummary summary = await new AuditRunner(environment: n => env.GetValueOrDefault(n)).RunAsync(config, null, output, CancellationToken.None);

        Assert.Empty(output.Errors);
        string html = Assert.Single(Directory.GetFiles(Path.Combine(_dir, "reports"), "*.html"));
        Assert.Equal(html, summary.OutputFiles);
        S3AuditLogActivity activity = Assert.Single(summary.LogActivity);
        Assert.True(activity.Requests >= HostileKeys.Length, $"{activity.Requests} logged request(s)");
        return (output.OfType<S3AuditFinding>().ToList(), html);
    }
}
