using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using S3Audit.BrowserSupport;
using S3Audit.Engine.Audit.Reports;

namespace S3Audit.Benchmarks;

/// <summary>
/// (9) The HTML report of many findings: its size, the time to write it (floor: the JSON report of the same run),
/// and what a reader of it waits for in headless Chromium, already started (floor: the same rows as a bare table, no
/// style, no script): first paint, the load event, and the first frame after the load event that shows the table's
/// first row, from when the page is shown and answers input (its script has run), with the main-thread work until then. Loads alternate with the floor's, medians of several rounds,
/// so a busy spell of this shared machine hits both. Also sorting and filtering all rows in the page, until painted.
/// </summary>
internal static class HtmlReportBench
{
    private const int Rounds = 7;

    /// <summary>What a reader waits to see, in the report and in the floor alike.</summary>
    private const string FirstRow = "#findings tbody tr";

    public static async Task RunAsync(string dir, int count)
    {
        var (summary, findings) = HtmlReportData.Create(count);
        string html = Path.Combine(dir, $"report-{count}.html"), json = Path.Combine(dir, $"report-{count}.json"), bare = Path.Combine(dir, $"bare-{count}.html");
        File.WriteAllText(bare, BareTable(findings));

        double writeHtml = double.MaxValue, writeJson = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            JsonReport.Write(json, summary, findings);
            writeJson = Math.Min(writeJson, sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            HtmlReport.Write(html, summary, findings, DateTimeOffset.UtcNow);
            writeHtml = Math.Min(writeHtml, sw.Elapsed.TotalMilliseconds);
        }

        long size = new FileInfo(html).Length;
        Print(new { figure = $"HTML report of {count} findings, size", bytes = size, mb = Math.Round(size / 1048576.0, 2), jsonBytes = new FileInfo(json).Length, ratioToJson = Math.Round((double)size / new FileInfo(json).Length, 2), targetMB = 5, pass = size < 5 * 1048576 });
        Print(new { figure = $"HTML report of {count} findings, write vs the JSON report", ms = Math.Round(writeHtml), floorMs = Math.Round(writeJson), ratio = Math.Round(writeHtml / writeJson, 2) });

        string loadBefore = LoadAverage();
        var interactions = new List<(double Sort, double Filter, string Shown)>();
        List<Load>[] loads = await LoadAlternatingAsync(new[] { bare, html }, Rounds, async (index, page) =>
        {
            if (index == 1)
            {
                interactions.Add(await SortAndFilterAsync(page, count));
            }
        });
        Load b = Load.Median(loads[0]), r = Load.Median(loads[1]);
        string loadAfter = LoadAverage();
        Print(new
        {
            figure = $"HTML report of {count} findings, headless Chromium: from navigation to shown and answering (first frame after the load event with the first row rendered)",
            readyMs = Math.Round(r.Ready), loadMs = Math.Round(r.LoadEvent), fcpMs = Math.Round(r.Fcp), parsedMs = Math.Round(r.Parsed),
            floorReadyMs = Math.Round(b.Ready), floorLoadMs = Math.Round(b.LoadEvent), floorFcpMs = Math.Round(b.Fcp), floorParsedMs = Math.Round(b.Parsed),
            floor = "the same rows as a bare table", ratio = Math.Round(r.Ready / b.Ready, 2), stat = $"median of {Rounds}, alternating with the floor",
            loadAverage = $"{loadBefore} / {loadAfter}", targetMs = 2000, pass = r.Ready < 2000 && r.LoadEvent < 2000,
        });
        Print(new
        {
            figure = $"HTML report of {count} findings, main-thread work until shown (DevTools TaskDuration)",
            seconds = Math.Round(r.Task, 2), layoutSeconds = Math.Round(r.Layout, 2), styleSeconds = Math.Round(r.Style, 2), scriptSeconds = Math.Round(r.Script, 2),
            floorSeconds = Math.Round(b.Task, 2), floorLayoutSeconds = Math.Round(b.Layout, 2), floorStyleSeconds = Math.Round(b.Style, 2),
            floor = "the same rows as a bare table", ratio = Math.Round(r.Task / b.Task, 2),
        });
        Print(new
        {
            figure = $"HTML report of {count} findings, in-page sort by bucket and filter to High, until painted",
            sortMs = Math.Round(Median(interactions.Select(i => i.Sort))), filterMs = Math.Round(Median(interactions.Select(i => i.Filter))), shown = interactions[^1].Shown,
        });
    }

    /// <summary>(mode html-pages) Any pages, e.g. variants of a report, loaded alternately: the same figures for each.</summary>
    public static async Task ComparePagesAsync(string[] files, int rounds)
    {
        string loadBefore = LoadAverage();
        List<Load>[] loads = await LoadAlternatingAsync(files, rounds, (_, _) => Task.CompletedTask);
        for (int i = 0; i < files.Length; i++)
        {
            Load m = Load.Median(loads[i]);
            Print(new
            {
                page = Path.GetFileName(files[i]), readyMs = Math.Round(m.Ready), loadMs = Math.Round(m.LoadEvent), fcpMs = Math.Round(m.Fcp), parsedMs = Math.Round(m.Parsed),
                taskSeconds = Math.Round(m.Task, 2), layoutSeconds = Math.Round(m.Layout, 2), styleSeconds = Math.Round(m.Style, 2), scriptSeconds = Math.Round(m.Script, 2),
                readyAll = string.Join(" ", loads[i].Select(l => Math.Round(l.Ready))), loadAverage = $"{loadBefore} / {LoadAverage()}",
            });
        }
    }

    /// <summary>Each page loaded <paramref name="rounds"/> times, the pages in turn, each load in a new tab; <paramref name="inspect"/> sees each loaded page.</summary>
    private static async Task<List<Load>[]> LoadAlternatingAsync(string[] files, int rounds, Func<int, WatchedPage, Task> inspect)
    {
        var start = Stopwatch.StartNew();
        await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
        Print(new { figure = "headless Chromium start (not in the load times)", ms = Math.Round(start.Elapsed.TotalMilliseconds) });
        await (await chromium.OpenAsync(files[0])).Page.CloseAsync(); // warm-up: the browser's first page pays for its start
        var loads = files.Select(_ => new List<Load>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < files.Length; i++)
            {
                WatchedPage page = await chromium.OpenAsync(files[i], FirstRow);
                if (page.Requests.Count > 0 || page.ConsoleErrors.Count > 0)
                {
                    throw new InvalidOperationException($"{files[i]} made {page.Requests.Count} request(s) and logged {page.ConsoleErrors.Count} error(s): {string.Join("; ", page.ConsoleErrors)}");
                }

                loads[i].Add(new Load(page.ParsedMilliseconds, page.FirstContentfulPaintMilliseconds, page.LoadMilliseconds, page.ReadyMilliseconds, page.TaskSeconds, page.LayoutSeconds, page.StyleSeconds, page.ScriptSeconds));
                await inspect(i, page);
                await page.Page.CloseAsync();
            }
        }

        return loads;
    }

    /// <summary>Sort by bucket, then filter to High, each timed from the click until the next frame is painted.</summary>
    private static async Task<(double Sort, double Filter, string Shown)> SortAndFilterAsync(WatchedPage page, int count)
    {
        int rows = await page.Page.Locator("#findings tbody tr").CountAsync();
        if (rows != count)
        {
            throw new InvalidOperationException($"The page has {rows} rows, not {count}.");
        }

        const string UntilPainted = "new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now() - t))))";
        double sort = await page.Page.EvaluateAsync<double>("() => { const t = performance.now(); document.querySelector(\"th[data-col='2'] button\").click(); return " + UntilPainted + "; }");
        double filter = await page.Page.EvaluateAsync<double>("() => { const s = document.getElementById('filter0'); s.value = String(Array.from(s.options).findIndex(o => o.text === 'High') - 1); const t = performance.now(); s.dispatchEvent(new Event('change')); return " + UntilPainted + "; }");
        return (sort, filter, await page.Page.Locator("#shown").InnerTextAsync());
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static void Print(object figure) => Console.WriteLine(JsonSerializer.Serialize(figure));

    /// <summary>The findings' cells as a plain table: what any page showing these rows must at least load.</summary>
    private static string BareTable(IEnumerable<S3AuditFinding> findings)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bare</title></head><body><table id=\"findings\">\n");
        foreach (S3AuditFinding f in findings)
        {
            sb.Append("<tr>");
            foreach (string cell in new[] { f.Severity.ToString(), f.Target, f.BucketName, f.Check, f.Rule, f.Resource, f.Result.ToString(), f.Status.ToString(), f.FirstSeen.ToString("u", CultureInfo.InvariantCulture), f.Detail, f.Remediation })
            {
                sb.Append("<td>").Append(WebUtility.HtmlEncode(cell));
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</table></body></html>").ToString();
    }

    /// <summary>One load's times (ms from navigation start) and main-thread seconds.</summary>
    private sealed record Load(double Parsed, double Fcp, double LoadEvent, double Ready, double Task, double Layout, double Style, double Script)
    {
        public static Load Median(List<Load> loads) => new(
            HtmlReportBench.Median(loads.Select(l => l.Parsed)), HtmlReportBench.Median(loads.Select(l => l.Fcp)), HtmlReportBench.Median(loads.Select(l => l.LoadEvent)),
            HtmlReportBench.Median(loads.Select(l => l.Ready)), HtmlReportBench.Median(loads.Select(l => l.Task)), HtmlReportBench.Median(loads.Select(l => l.Layout)),
            HtmlReportBench.Median(loads.Select(l => l.Style)), HtmlReportBench.Median(loads.Select(l => l.Script)));
    }
}
