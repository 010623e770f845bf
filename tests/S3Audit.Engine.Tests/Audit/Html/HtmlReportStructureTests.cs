using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using S3Audit.Engine.Audit.Reports;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Audit.Html;

/// <summary>The HTML report read back with an HTML parser (AngleSharp, no script run): rows, counts, links, policy.</summary>
public sealed class HtmlReportStructureTests
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 21, 2, 5, 0, TimeSpan.Zero);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(c => c.TextContent).ToArray();

    [Fact]
    public void EveryFindingIsOneRowWithItsValuesDetailAndRemediation()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(57);
        IDocument page = Parse(HtmlReport.Format(ReportSamples.SummaryOf(findings), findings, Generated));

        var rows = page.QuerySelectorAll("#findings tbody tr").ToList();
        Assert.Equal(57, rows.Count);
        var expected = findings.Select(f => string.Join("|", f.Severity, f.Target, f.BucketName, f.Check, f.Rule, f.Resource, f.Result, f.Status,
            f.FirstSeen.ToString("yyyy-MM-dd HH:mm"), f.Detail + f.Remediation)).OrderBy(s => s, StringComparer.Ordinal);
        var actual = rows.Select(r => string.Join("|", Cells(r))).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.All(rows.Where(r => r.QuerySelector("td:last-child p") != null), r => Assert.StartsWith("Fix ", r.QuerySelector("td:last-child p")!.TextContent));
        Assert.Equal(findings.Count(f => f.Status == S3AuditDriftStatus.Resolved), page.QuerySelectorAll("#findings tr.res").Length);
    }

    [Fact]
    public void TheRowsComeInGroupsOfAHundredInTableOrder()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(450);
        IDocument page = Parse(HtmlReport.Format(null, findings, Generated));

        Assert.Equal(new[] { 100, 100, 100, 100, 50 }, page.QuerySelectorAll("#findings tbody").Select(g => g.QuerySelectorAll("tr").Length));
        Assert.Equal(Enumerable.Range(0, 450).Select(i => "f" + i), page.QuerySelectorAll("#findings tbody tr").Select(r => r.Id));
        Assert.Single(page.QuerySelectorAll("#findings thead"));
    }

    [Fact]
    public void TheRowsComeMostSevereFirstAndResolvedLast()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(40);
        IDocument page = Parse(HtmlReport.Format(null, findings, Generated));

        var severities = page.QuerySelectorAll("#findings tbody tr:not(.res) td:first-child").Select(c => Enum.Parse<S3AuditSeverity>(c.TextContent)).ToList();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
        var statuses = page.QuerySelectorAll("#findings tbody tr td:nth-child(8)").Select(c => c.TextContent).ToList();
        Assert.Equal(statuses.Count(s => s == "Resolved"), statuses.SkipWhile(s => s != "Resolved").Count());
    }

    [Fact]
    public void TheChartAndDriftCountsAreTheSummarys()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(113);
        S3AuditRunSummary summary = ReportSamples.SummaryOf(findings);
        IDocument page = Parse(HtmlReport.Format(summary, findings, Generated));

        int Bar(string severity) => int.Parse(page.QuerySelector($"#severity-chart g[data-severity='{severity}'] text.count")!.TextContent);
        Assert.Equal((summary.CriticalCount, summary.HighCount, summary.MediumCount, summary.LowCount, summary.UnknownCount),
            (Bar("Critical"), Bar("High"), Bar("Medium"), Bar("Low / Info"), Bar("Unknown")));
        Assert.True(summary.CriticalCount > 0 && summary.UnknownCount > 0 && summary.ResolvedCount > 0, "the sample has every kind");

        string Drift(string name) => page.QuerySelectorAll("#drift dt").Single(dt => dt.TextContent == name).NextElementSibling!.TextContent;
        Assert.Equal(summary.NewCount.ToString(), Drift("New"));
        Assert.Equal(summary.ResolvedCount.ToString(), Drift("Resolved"));
        Assert.Equal(findings.Count(f => f.Status == S3AuditDriftStatus.Unchanged).ToString(), Drift("Unchanged"));
        Assert.Contains(summary.BaselinePath, page.QuerySelector("#drift")!.TextContent);

        // The run: profile, incomplete target with its reason, thresholds, FailOn exceeded.
        string run = page.QuerySelector("#run")!.TextContent;
        Assert.Contains("/etc/s3audit/nightly.yml", run);
        Assert.Equal("lyve-us (Target 'lyve-us': ListBuckets on the account failed: access denied; check the key)", page.QuerySelector("#run ul.incomplete li")!.TextContent);
        Assert.Contains("failOn High: exceeded", run);
        Assert.Contains("minimumSeverity Low", run);
        Assert.Contains("02:00 to 2026-11-21 02:03 UTC (3 min 12 s)", run);
        IElement verdict = page.QuerySelector("#verdict")!;
        Assert.Contains("bad", verdict.ClassList);
        Assert.Contains($"Threshold exceeded: {summary.CriticalCount + summary.HighCount} open finding(s) at High or above", verdict.TextContent);
        Assert.Contains("1 of 3 target(s) could not be audited completely", verdict.TextContent);
    }

    [Fact]
    public void WithoutABaselineThereIsNoDriftAndWithoutASummaryThePageSaysSo()
    {
        var findings = ReportSamples.Varied(10).Select(f => { f.Status = S3AuditDriftStatus.New; return f; }).ToList();
        IDocument noBaseline = Parse(HtmlReport.Format(ReportSamples.SummaryOf(findings, baselinePath: string.Empty), findings, Generated));
        Assert.Null(noBaseline.QuerySelector("#drift"));
        Assert.Contains("none: every finding is New", noBaseline.QuerySelector("#run")!.TextContent);

        IDocument noSummary = Parse(HtmlReport.Format(null, findings, Generated));
        Assert.Contains("No run summary was given", noSummary.QuerySelector("#verdict")!.TextContent);
        Assert.Equal(10, noSummary.QuerySelectorAll("#findings tbody tr").Length);
    }

    [Fact]
    public void APageOfFilteredFindingsSaysHowManyOfTheRunItShows()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(30);
        S3AuditRunSummary summary = ReportSamples.SummaryOf(findings);
        var high = findings.Where(f => f.Severity >= S3AuditSeverity.High && f.Status != S3AuditDriftStatus.Resolved).ToList();
        IDocument page = Parse(HtmlReport.Format(summary, high, Generated));
        Assert.Contains($"This page shows {high.Count} of the run's {summary.FindingCount} open findings", page.QuerySelector("#run")!.TextContent);
    }

    [Fact]
    public void EachBucketListsItsFindingsLinkedToTheirRows()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(50);
        IDocument page = Parse(HtmlReport.Format(ReportSamples.SummaryOf(findings), findings, Generated));

        var blocks = page.QuerySelectorAll("#bucket-table tbody tr").ToList();
        Assert.Equal(findings.Select(f => (f.Target, f.BucketName)).Distinct().Count(), blocks.Count);
        foreach (IElement block in blocks)
        {
            string bucket = block.QuerySelector("th")!.TextContent, target = block.QuerySelector("td")!.TextContent;
            var links = block.QuerySelectorAll("a").ToList();
            Assert.Equal(findings.Count(f => f.Target == target && (f.BucketName.Length == 0 ? "(the target itself)" : f.BucketName) == bucket), links.Count);
            foreach (IElement link in links)
            {
                IElement row = page.GetElementById(link.GetAttribute("href")!.Substring(1))!;
                Assert.Equal(target, Cells(row)[1]);
                Assert.Equal(bucket, Cells(row)[2].Length == 0 ? "(the target itself)" : Cells(row)[2]);
                Assert.StartsWith(Cells(row)[0] + " " + Cells(row)[4], link.TextContent);
                Assert.Equal(row.QuerySelector("b.sv")!.ClassList[1], link.ClassName);
            }
        }

        Assert.Equal(findings.Count, blocks.Sum(b => b.QuerySelectorAll("a").Length));
    }

    [Fact]
    public void NothingOutsideThePageIsReferenced()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(25);
        string html = HtmlReport.Format(ReportSamples.SummaryOf(findings), findings, Generated);
        IDocument page = Parse(html);

        foreach (IElement element in page.All)
        {
            foreach (IAttr attribute in element.Attributes)
            {
                if (attribute.Name is "href" or "xlink:href")
                {
                    Assert.StartsWith("#", attribute.Value);
                }

                Assert.False(attribute.Name is "src" or "srcset" or "action" or "formaction" or "poster" or "data" or "background", $"<{element.LocalName} {attribute.Name}>");
                Assert.False(attribute.Name.StartsWith("on", StringComparison.Ordinal), $"<{element.LocalName} {attribute.Name}>");
                Assert.DoesNotMatch(@"url\(\s*['""]?(?!#)", attribute.Value);
            }
        }

        Assert.Empty(page.QuerySelectorAll("link, img, iframe, object, embed, base, form, audio, video, source"));
        string css = page.QuerySelector("style")!.TextContent;
        Assert.DoesNotMatch(@"url\(|@import|@font-face", css);
        Assert.DoesNotMatch(@"https?://(?!www\.w3\.org/2000/svg)", html);
    }

    [Fact]
    public void TheSecurityPolicyAllowsOnlyTheInlineStyleAndScriptByHash()
    {
        IDocument page = Parse(HtmlReport.Format(null, ReportSamples.Varied(3), Generated));

        IElement meta = page.Head!.Children[1];
        Assert.Equal(("meta", "Content-Security-Policy"), (meta.LocalName, meta.GetAttribute("http-equiv")));
        string policy = meta.GetAttribute("content")!;
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.Equal(2, scripts.Count);
        Assert.Equal("application/json", scripts[0].GetAttribute("type"));
        string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.Equal($"default-src 'none'; style-src '{Hash(page.QuerySelector("style")!.TextContent)}'; script-src '{Hash(scripts[1].TextContent)}'; img-src 'none'; base-uri 'none'; form-action 'none'", policy);
        Assert.Single(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void WithoutScriptTheWholeTableIsShownAndTheControlsAreHidden()
    {
        IDocument page = Parse(HtmlReport.Format(null, ReportSamples.Varied(20), Generated));

        Assert.Empty(page.QuerySelectorAll("#findings tr[hidden]"));
        Assert.True(page.GetElementById("controls")!.HasAttribute("hidden"));
        Assert.Equal("20 finding(s)", page.GetElementById("shown")!.TextContent);
        Assert.Contains("every finding is in the table below", page.QuerySelector("noscript")!.TextContent);
    }

    [Fact]
    public void ThePrintStylesheetKeepsHeadersAndColoursAndHidesTheControls()
    {
        IDocument page = Parse(HtmlReport.Format(null, ReportSamples.Varied(2), Generated));
        string print = page.QuerySelector("style")!.TextContent.Split("@media print")[1];
        Assert.Contains("#controls,noscript{display:none}", print);
        Assert.Contains("thead{display:table-header-group}", print);
        Assert.Contains("print-color-adjust:exact", print);
    }

    [Fact]
    public void SeverityColoursGetDarkerWithSeveritySoTheyStayInOrderInGrey()
    {
        string css = Parse(HtmlReport.Format(null, ReportSamples.Varied(1), Generated)).QuerySelector("style")!.TextContent;
        double Luminance(string cls)
        {
            string hex = System.Text.RegularExpressions.Regex.Match(css, @"(?:^|[}\s])\." + cls + @"(?:,\.s0)?\{background:#([0-9a-f]{6})").Groups[1].Value;
            double Channel(int i) { double c = Convert.ToInt32(hex.Substring(i, 2), 16) / 255.0; return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4); }
            return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
        }

        double[] ramp = { Luminance("s1"), Luminance("s2"), Luminance("s3"), Luminance("s4"), Luminance("s5") };
        // Each step at least 1.4:1 in WCAG contrast: told apart by luminance alone (grey print, any colour vision).
        for (int i = 1; i < ramp.Length; i++)
        {
            Assert.True((ramp[i - 1] + 0.05) / (ramp[i] + 0.05) >= 1.4, $"s{i} to s{i + 1}: {ramp[i - 1]:F3} -> {ramp[i]:F3}");
        }
    }

    [Fact]
    public void TheActivityChartHasABarPerHourAndADayBarBeyondAWeek()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(5);
        S3AuditRunSummary summary = ReportSamples.SummaryOf(findings);
        IDocument page = Parse(HtmlReport.Format(summary, findings, Generated));
        IElement figure = page.QuerySelector("#activity figure")!;
        Assert.Equal(24, figure.QuerySelectorAll("rect.rq").Length);
        Assert.Contains(figure.QuerySelectorAll("g > title"), t => t.TextContent == "2026-11-20 22:00 UTC: 37 request(s), 25 error(s)");
        Assert.Contains("bucket-03 (prod-gva): 60 request(s), 25 error answer(s)", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Contains("busiest hour 2026-11-20 22:00 with 37", figure.QuerySelector("figcaption")!.TextContent);

        summary.LogActivity[0].RequestsPerHour = Enumerable.Repeat(2, 24 * 30).ToArray();
        summary.LogActivity[0].ErrorsPerHour = new int[24 * 30];
        IElement month = Parse(HtmlReport.Format(summary, findings, Generated)).QuerySelector("#activity figure")!;
        Assert.Equal(30, month.QuerySelectorAll("rect.rq").Length);
        Assert.Contains(month.QuerySelectorAll("g > title"), t => t.TextContent.EndsWith("UTC: 48 request(s), 0 error(s)"));
    }

    [Fact]
    public void TheScriptDataHasEveryRowInTableOrder()
    {
        List<S3AuditFinding> findings = ReportSamples.Varied(33);
        IDocument page = Parse(HtmlReport.Format(null, findings, Generated));
        using JsonDocument data = JsonDocument.Parse(page.GetElementById("s3audit-data")!.TextContent);
        JsonElement values = data.RootElement.GetProperty("values"), rows = data.RootElement.GetProperty("rows");
        var tableRows = page.QuerySelectorAll("#findings tbody tr").ToList();
        Assert.Equal(tableRows.Count, rows.GetArrayLength());
        int[] cellOf = { 0, 1, 2, 3, 4, 6, 7, 8 };
        for (int i = 0; i < tableRows.Count; i++)
        {
            string[] cells = Cells(tableRows[i]);
            for (int c = 0; c < cellOf.Length; c++)
            {
                Assert.Equal(cells[cellOf[c]], values[c][rows[i][c].GetInt32()].GetString());
            }
        }

        // Severity values run in severity order, so sorting by index sorts by severity.
        var severities = values[0].EnumerateArray().Select(v => Enum.Parse<S3AuditSeverity>(v.GetString()!)).ToList();
        Assert.Equal(severities.OrderBy(s => s), severities);
    }
}
