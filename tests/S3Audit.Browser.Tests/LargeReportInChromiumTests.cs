using Microsoft.Playwright;
using S3Audit.BrowserSupport;
using S3Audit.Engine.Audit.Reports;
using S3Audit.TestSupport;

namespace S3Audit.Browser.Tests;

/// <summary>
/// A report of 1,000 findings, more than one group of rows: the browser lays out the groups on screen and skips the
/// others (content-visibility), and filtering, sorting and a link from the per-bucket view still cover every row.
/// </summary>
public sealed class LargeReportInChromiumTests : IDisposable
{
    private const int Count = 1000;
    private const string IsRendered = "r => r.checkVisibility({ contentVisibilityAuto: true })";
    private readonly string _dir = Directory.CreateTempSubdirectory("s3audit-html-large-").FullName;
    private readonly List<S3AuditFinding> _findings = ReportSamples.Varied(Count);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(HeadlessChromium Chromium, WatchedPage Page)> OpenAsync()
    {
        string file = Path.Combine(_dir, "large.html");
        HtmlReport.Write(file, ReportSamples.SummaryOf(_findings), _findings, ReportSamples.Start);
        HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
        return (chromium, await chromium.OpenAsync(file, "#findings tbody tr"));
    }

    [Fact]
    public async Task OnlyTheRowsNearTheViewportAreRenderedAndAllAreInThePage()
    {
        var (chromium, page) = await OpenAsync();
        await using (chromium)
        {
            ILocator rows = page.Page.Locator("#findings tbody tr");
            Assert.Equal(Count, await rows.CountAsync());
            Assert.Equal(10, await page.Page.Locator("#findings tbody").CountAsync());
            Assert.True(await rows.First.EvaluateAsync<bool>(IsRendered));
            Assert.False(await rows.Last.EvaluateAsync<bool>(IsRendered));
            Assert.Equal($"Showing {Count} of {Count} findings", await page.Page.Locator("#shown").InnerTextAsync());
            Assert.Equal(Count, (await page.VisibleRowsAsync()).Count);
            Assert.Empty(page.Requests);
            Assert.Empty(page.ConsoleErrors);
        }
    }

    [Fact]
    public async Task FilteredAndSortedTheShownRowsFillTheFirstGroupsInOrder()
    {
        var (chromium, page) = await OpenAsync();
        await using (chromium)
        {
            await page.Page.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Medium" });
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Bucket", Exact = true }).ClickAsync();

            var medium = _findings.Where(f => f.Severity == S3AuditSeverity.Medium).ToList();
            IReadOnlyList<string[]> rows = await page.VisibleRowsAsync();
            Assert.All(rows, r => Assert.Equal("Medium", r[0]));
            Assert.Equal(medium.Select(f => f.BucketName).Order(StringComparer.Ordinal), rows.Select(r => r[2]));
            Assert.Equal(medium.Select(f => f.Detail).Order(StringComparer.Ordinal), rows.Select(r => r[9].Split('\n')[0]).Order(StringComparer.Ordinal));
            Assert.Equal($"Showing {medium.Count} of {Count} findings", await page.Page.Locator("#shown").InnerTextAsync());

            // 200 Medium findings: two full groups shown, the other groups empty and hidden.
            int[] shownPerGroup = await page.Page.EvaluateAsync<int[]>(
                "() => Array.from(document.querySelectorAll('#findings tbody')).map(g => g.hidden ? -1 : Array.from(g.rows).filter(r => !r.hidden).length)");
            Assert.Equal(new[] { 100, 100, -1, -1, -1, -1, -1, -1, -1, -1 }, shownPerGroup);
            Assert.Empty(page.ConsoleErrors);
        }
    }

    [Fact]
    public async Task ALinkFromTheBucketViewToAFilteredOutRowInAnUnrenderedGroupShowsIt()
    {
        var (chromium, page) = await OpenAsync();
        await using (chromium)
        {
            string last = await page.Page.Locator("#findings tbody tr").Last.GetAttributeAsync("id") ?? throw new InvalidOperationException("rows have ids");
            string severity = await page.Page.Locator($"#{last} td").First.InnerTextAsync();
            string other = severity == "Critical" ? "High" : "Critical";
            await page.Page.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = other });

            await page.Page.Locator($"#buckets a[href='#{last}']").ClickAsync();

            ILocator row = page.Page.Locator($"#{last}");
            await Assertions.Expect(row).ToBeInViewportAsync();
            Assert.True(await row.EvaluateAsync<bool>(IsRendered));
            Assert.Equal($"Showing {Count} of {Count} findings", await page.Page.Locator("#shown").InnerTextAsync());
            Assert.Empty(page.ConsoleErrors);
        }
    }
}
