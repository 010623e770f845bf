using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using S3Audit.BrowserSupport;
using S3Audit.Engine.Audit.Reports;

namespace S3Audit.Benchmarks;

/// <summary>
/// (9) The HTML report of many findings: its size, the time to write it (floor: the JSON report of the same run),
/// and the time headless Chromium takes to load it (floor: the same rows as a bare table, no style, no script),
/// best of five loads each, alternating. Also the in-page time of sorting and filtering all rows.
/// </summary>
internal static class HtmlReportBench
{
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

        await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
        await (await chromium.OpenAsync(bare)).Page.CloseAsync(); // warm-up: the browser's first page pays for its start
        double load = double.MaxValue, floor = double.MaxValue, wall = double.MaxValue, parsed = double.MaxValue, floorParsed = double.MaxValue;
        double task = double.MaxValue, floorTask = double.MaxValue, layout = double.MaxValue, floorLayout = double.MaxValue;
        WatchedPage? last = null;
        for (int i = 0; i < 5; i++)
        {
            WatchedPage plain = await chromium.OpenAsync(bare);
            floor = Math.Min(floor, plain.LoadMilliseconds);
            floorParsed = Math.Min(floorParsed, plain.ParsedMilliseconds);
            floorTask = Math.Min(floorTask, plain.TaskSeconds);
            floorLayout = Math.Min(floorLayout, plain.LayoutSeconds);
            await plain.Page.CloseAsync();
            if (last != null) await last.Page.CloseAsync();
            last = await chromium.OpenAsync(html);
            load = Math.Min(load, last.LoadMilliseconds);
            wall = Math.Min(wall, last.WallMilliseconds);
            parsed = Math.Min(parsed, last.ParsedMilliseconds);
            task = Math.Min(task, last.TaskSeconds);
            layout = Math.Min(layout, last.LayoutSeconds);
        }

        int rows = await last!.Page.Locator("#findings tbody tr").CountAsync();
        if (rows != count || last.Requests.Count > 0 || last.ConsoleErrors.Count > 0)
        {
            throw new InvalidOperationException($"The page showed {rows} rows, made {last.Requests.Count} request(s) and logged {last.ConsoleErrors.Count} error(s).");
        }

        Print(new { figure = $"HTML report of {count} findings, headless Chromium load (navigation to load event)", ms = Math.Round(load), parsedMs = Math.Round(parsed), wallMs = Math.Round(wall), floorMs = Math.Round(floor), floorParsedMs = Math.Round(floorParsed), floor = "the same rows as a bare table", ratio = Math.Round(load / floor, 2), targetMs = 2000, pass = load < 2000 });
        Print(new { figure = $"HTML report of {count} findings, main-thread work until load (DevTools TaskDuration)", seconds = Math.Round(task, 2), layoutSeconds = Math.Round(layout, 2), floorSeconds = Math.Round(floorTask, 2), floorLayoutSeconds = Math.Round(floorLayout, 2), floor = "the same rows as a bare table", ratio = Math.Round(task / floorTask, 2) });
        double sort = await last.Page.EvaluateAsync<double>("() => { const t = performance.now(); document.querySelector(\"th[data-col='2'] button\").click(); return performance.now() - t; }");
        double filter = await last.Page.EvaluateAsync<double>("() => { const s = document.getElementById('filter0'); s.value = String(Array.from(s.options).findIndex(o => o.text === 'High') - 1); const t = performance.now(); s.dispatchEvent(new Event('change')); return performance.now() - t; }");
        string shown = await last.Page.Locator("#shown").InnerTextAsync();
        Print(new { figure = $"HTML report of {count} findings, in-page sort by bucket and filter to High", sortMs = Math.Round(sort), filterMs = Math.Round(filter), shown });
    }

    private static void Print(object figure) => Console.WriteLine(JsonSerializer.Serialize(figure));

    /// <summary>The findings' cells as a plain table: what any page showing these rows must at least load.</summary>
    private static string BareTable(IEnumerable<S3AuditFinding> findings)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bare</title></head><body><table>\n");
        foreach (S3AuditFinding f in findings)
        {
            sb.Append("<tr>");
            foreach (string cell in new[] { f.Severity.ToString(), f.Target, f.BucketName, f.Check, f.Rule, f.Resource, f.Result.ToString(), f.Status.ToString(), f.FirstSeen.ToString("u"), f.Detail, f.Remediation })
            {
                sb.Append("<td>").Append(WebUtility.HtmlEncode(cell));
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</table></body></html>").ToString();
    }
}
