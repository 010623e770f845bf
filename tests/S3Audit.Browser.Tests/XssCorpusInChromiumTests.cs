using System.Text.RegularExpressions;
using Microsoft.Playwright;
using S3Audit.BrowserSupport;
using S3Audit.Engine.Audit.Reports;
using S3Audit.TestSupport;

namespace S3Audit.Browser.Tests;

/// <summary>
/// Issue 16's XSS corpus in every field of findings and summary, in headless Chromium: no injected script runs (no
/// dialog, no request, no error), and each value is shown literally. Also with the Content-Security-Policy taken out,
/// so the escaping is shown to hold by itself; and with JavaScript off, and printed.
/// </summary>
public sealed class XssCorpusInChromiumTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s3audit-html-xss-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteCorpusReport(bool withPolicy)
    {
        var findings = ReportSamples.Corpus.Select((s, i) => new S3AuditFinding
        {
            Target = s, BucketName = s, Check = s, Rule = s, Resource = s, Detail = s, Remediation = s,
            Severity = S3AuditSeverity.High - (i % 3), Result = S3AuditResult.Fail, Status = S3AuditDriftStatus.New, FirstSeen = ReportSamples.Start,
        }).ToList();
        S3AuditRunSummary summary = ReportSamples.SummaryOf(findings, baselinePath: ReportSamples.Corpus[3]);
        summary.ConfigPath = ReportSamples.Corpus[0];
        summary.IncompleteTargets = "t (" + ReportSamples.Corpus[1] + ")";
        summary.LogActivity = ReportSamples.Corpus.Select(s => new S3AuditLogActivity
        {
            Target = s, BucketName = s, StartTime = ReportSamples.Start.AddHours(-2), EndTime = ReportSamples.Start, Requests = 3, Errors = 1, RequestsPerHour = new[] { 1, 2 }, ErrorsPerHour = new[] { 0, 1 },
        }).ToArray();
        string html = HtmlReport.Format(summary, findings, ReportSamples.Start);
        if (!withPolicy)
        {
            html = Regex.Replace(html, "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", string.Empty);
            Assert.DoesNotContain("Content-Security-Policy", html);
        }

        string path = Path.Combine(_dir, withPolicy ? "corpus.html" : "corpus-no-csp.html");
        File.WriteAllText(path, html);
        return path;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NoInjectedScriptRunsAndEveryValueIsShownLiterally(bool withPolicy)
    {
        string file = WriteCorpusReport(withPolicy);
        await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
        WatchedPage page = await chromium.OpenAsync(file);

        IReadOnlyList<string[]> rows = await page.VisibleRowsAsync();
        Assert.Equal(ReportSamples.Corpus.Length, rows.Count);
        foreach (string[] cells in rows)
        {
            string value = cells[1];
            Assert.Contains(value, ReportSamples.Corpus);
            Assert.Equal(new[] { value, value, value, value }, cells[2..6]);
        }

        // innerText turns U+2028/2029 into line breaks; textContent keeps every character.
        string[] bucketCells = await page.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#findings tbody td:nth-child(3)')).map(c => c.textContent)");
        Assert.Equal(ReportSamples.Corpus.OrderBy(s => s, StringComparer.Ordinal), bucketCells.OrderBy(s => s, StringComparer.Ordinal));

        // The filter offers each hostile bucket name as an option text, and choosing one shows its row.
        await page.Page.GetByLabel("Bucket", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = ReportSamples.Corpus[1] });
        IReadOnlyList<string[]> filtered = await page.VisibleRowsAsync();
        Assert.Equal(ReportSamples.Corpus[1], Assert.Single(filtered)[2]);
        await page.Page.GetByLabel("Text", new() { Exact = true }).FillAsync("alert('ua')");
        Assert.Empty(await page.VisibleRowsAsync());
        await page.Page.GetByLabel("Bucket", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "All" });
        Assert.Equal(ReportSamples.Corpus[3], Assert.Single(await page.VisibleRowsAsync())[2]);

        string activity = await page.Page.Locator("#activity").InnerTextAsync();
        Assert.Contains(ReportSamples.Corpus[0], activity);
        Assert.Equal(2, await page.Page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Page.Locator("img, iframe, object, embed").CountAsync());
        Assert.Equal("S3Audit report: " + Path.GetFileName(ReportSamples.Corpus[0]) + ", 2026-11-21", await page.Page.TitleAsync());
        if (withPolicy)
        {
            await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("html-report-xss-corpus.png"), FullPage = true });
        }

        Assert.Empty(page.Dialogs);
        Assert.Empty(page.Requests);
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task WithJavaScriptOffEveryRowIsShownAndTheControlsAreNot()
    {
        await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync(javaScript: false);
        WatchedPage page = await chromium.OpenAsync(WriteSample(450));

        ILocator rows = page.Page.Locator("#findings tbody tr");
        Assert.Equal(450, await rows.CountAsync());
        for (int i = 0; i < 450; i += 37)
        {
            Assert.True(await rows.Nth(i).IsVisibleAsync());
        }

        Assert.False(await page.Page.Locator("#controls").IsVisibleAsync());
        Assert.Equal("450 finding(s)", await page.Page.Locator("#shown").InnerTextAsync());
        Assert.True(await page.Page.Locator("noscript p").IsVisibleAsync());
        Assert.Empty(page.Requests);
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task PrintedThePageKeepsTheTableAndDropsTheControls()
    {
        await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
        WatchedPage page = await chromium.OpenAsync(WriteSample(450));

        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Page.Locator("#controls").IsVisibleAsync());
        Assert.Equal("table-header-group", await page.Page.Locator("#findings thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        // On screen the rows far below are not rendered (content-visibility); printed, every group is a table's rows.
        Assert.Equal(new[] { "table-row-group" }, await page.Page.EvaluateAsync<string[]>("() => [...new Set(Array.from(document.querySelectorAll('#findings tbody'), g => getComputedStyle(g).display))]"));
        Assert.True(await page.Page.Locator("#findings tbody tr").Last.EvaluateAsync<bool>("r => r.checkVisibility({ contentVisibilityAuto: true })"));
        byte[] pdf = await page.Page.PdfAsync(new PagePdfOptions { Path = Screenshot("html-report-print.pdf"), Format = "A4", Landscape = true, PrintBackground = true });
        string text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text);
        Assert.True(Regex.Matches(text, @"/Type\s*/Page[^s]").Count >= 3, "450 findings take several pages");
        Assert.Empty(page.ConsoleErrors);
    }

    /// <summary>A report of <paramref name="count"/> varied findings with their summary, written to a file.</summary>
    private string WriteSample(int count)
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(count);
        string file = Path.Combine(_dir, $"sample-{count}.html");
        HtmlReport.Write(file, ReportSamples.SummaryOf(findings), findings, ReportSamples.Start);
        return file;
    }

    private static string Screenshot(string name)
    {
        string dir = RepoPaths.Combine("out", "test-results");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
