using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using S3Audit.Engine.Audit.Reports;
using S3Audit.Engine.Audit.Reports.Html;
using S3Audit.TestSupport;

namespace S3Audit.Engine.Tests.Audit.Html;

/// <summary>Hostile data is data: the XSS corpus in every field of findings and summary comes back as literal text.</summary>
public sealed class HtmlReportEscapingTests
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 21, 2, 5, 0, TimeSpan.Zero);

    /// <summary>One finding per corpus string, that string in every text field; a summary with it everywhere too.</summary>
    private static (S3AuditRunSummary Summary, List<S3AuditFinding> Findings) Hostile()
    {
        var findings = ReportSamples.Corpus.Select((s, i) => new S3AuditFinding
        {
            Target = s, BucketName = s, Check = s, Rule = s, Resource = s, Detail = s, Remediation = s,
            Severity = (S3AuditSeverity)(i % 6), Result = S3AuditResult.Fail, Status = S3AuditDriftStatus.Unchanged, FirstSeen = ReportSamples.Start,
        }).ToList();
        S3AuditRunSummary summary = ReportSamples.SummaryOf(findings, baselinePath: ReportSamples.Corpus[0]);
        summary.ConfigPath = ReportSamples.Corpus[1];
        summary.CompleteTargets = ReportSamples.Corpus[2];
        summary.IncompleteTargets = "t (" + ReportSamples.Corpus[3] + ")";
        summary.UnavailableChecks = ReportSamples.Corpus[4];
        summary.OutputFiles = ReportSamples.Corpus[5];
        summary.LogActivity = ReportSamples.Corpus.Select(s => new S3AuditLogActivity
        {
            Target = s, BucketName = s, StartTime = ReportSamples.Start.AddHours(-2), EndTime = ReportSamples.Start, Requests = 1, RequestsPerHour = new[] { 1, 0 }, ErrorsPerHour = new[] { 0, 0 },
        }).ToArray();
        return (summary, findings);
    }

    [Fact]
    public void EveryHostileValueIsLiteralTextInEveryPlaceItAppears()
    {
        var (summary, findings) = Hostile();
        string html = HtmlReport.Format(summary, findings, Generated);
        IDocument page = new HtmlParser().ParseDocument(html);

        // Only the page's own elements: two scripts, one style, no element or attribute the corpus tried to inject.
        Assert.Equal(2, page.QuerySelectorAll("script").Length);
        Assert.Single(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("img, iframe, object, embed, link, base, form"));
        Assert.Single(page.QuerySelectorAll("svg#severity-chart"));
        Assert.Equal(ReportSamples.Corpus.Length, page.QuerySelectorAll("#activity svg").Length);
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.All(page.QuerySelectorAll("[href]"), a => Assert.Matches("^#f[0-9]+$", a.GetAttribute("href")!));

        // Each row shows the string itself in the seven text columns.
        var rows = page.QuerySelectorAll("#findings tbody tr").ToList();
        Assert.Equal(ReportSamples.Corpus.Length, rows.Count);
        foreach (IElement row in rows)
        {
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToArray();
            string value = cells[1];
            Assert.Contains(value, ReportSamples.Corpus);
            Assert.Equal(new[] { value, value, value, value, value }, cells[1..6]);
            Assert.Equal(value, row.QuerySelector("td:last-child")!.ChildNodes[0].TextContent);
            Assert.Equal(value, row.QuerySelector("td:last-child p")!.TextContent);
        }

        // The summary's values and the activity charts' captions and tooltips.
        Assert.Equal("t (" + ReportSamples.Corpus[3] + ")", page.QuerySelector("#run ul.incomplete li")!.TextContent);
        Assert.Contains(ReportSamples.Corpus[1], page.QuerySelector("#run")!.TextContent);
        Assert.Contains(ReportSamples.Corpus[0], page.QuerySelector("#drift")!.TextContent);
        Assert.Equal(ReportSamples.Corpus.OrderBy(s => s, StringComparer.Ordinal), page.QuerySelectorAll("#activity figcaption b").Select(b => b.TextContent).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(ReportSamples.Corpus.OrderBy(s => s, StringComparer.Ordinal), page.QuerySelectorAll("#bucket-table tbody td:nth-child(2)").Select(b => b.TextContent).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void TheScriptDataIsValidJsonHoldingTheValuesAndNoCharacterThatCouldEndTheElement()
    {
        var (summary, findings) = Hostile();
        string html = HtmlReport.Format(summary, findings, Generated);
        int open = html.IndexOf("<script type=\"application/json\" id=\"s3audit-data\">", StringComparison.Ordinal);
        int start = html.IndexOf('>', open) + 1, end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        string json = html[start..end];

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        Assert.DoesNotContain('\u2028', json);
        Assert.DoesNotContain('\u2029', json);
        using JsonDocument data = JsonDocument.Parse(json);
        var buckets = data.RootElement.GetProperty("values")[2].EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(ReportSamples.Corpus.OrderBy(s => s, StringComparer.Ordinal), buckets.OrderBy(s => s, StringComparer.Ordinal));
        // Exactly the page's own two script elements end in the raw text.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count);
    }

    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("<!--<script>")]
    [InlineData("a\u2028b\u2029c")]
    [InlineData("Tom & \"Jerry\" 'x'")]
    public void ScriptJsonKeepsTheValueAndEscapesWhatHtmlOrJavaScriptWouldSee(string value)
    {
        string escaped = HtmlEncoding.ScriptJson(JsonSerializer.Serialize(new[] { value }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(-1, escaped.IndexOfAny(new[] { '<', '>', '&', '\u2028', '\u2029' }));
        Assert.Equal(value, JsonSerializer.Deserialize<string[]>(escaped)![0]);
    }

    [Theory]
    [InlineData("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;", "&lt;b&gt;x&lt;/b&gt;")]
    [InlineData("\"><img onerror=x>", "\"&gt;&lt;img onerror=x&gt;", "&quot;&gt;&lt;img onerror=x&gt;")]
    [InlineData("it's & that", "it's &amp; that", "it&#39;s &amp; that")]
    [InlineData("plain", "plain", "plain")]
    public void TextAndAttributeEscapingEachCoverTheirContext(string value, string text, string attribute)
    {
        Assert.Equal(text, HtmlEncoding.Text(value));
        Assert.Equal(attribute, HtmlEncoding.Attribute(value));
    }
}
