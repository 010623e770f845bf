using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace S3Audit.BrowserSupport;

/// <summary>
/// A page loaded from a file, with everything it tried that a self-contained report must not do: requests other than
/// its own file (each one is also aborted), console errors (a Content-Security-Policy refusal is one), uncaught
/// script errors and dialogs (an injected alert()).
/// </summary>
public sealed class WatchedPage
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _dialogs = new();

    internal WatchedPage(IPage page, string url)
    {
        Page = page;
        Url = url;
        page.Request += (_, request) =>
        {
            if (request.Url != Url)
            {
                _requests.Enqueue(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Enqueue("page error: " + error);
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>The file URL of the page.</summary>
    public string Url { get; }

    /// <summary>Milliseconds from the start of navigation until the document was parsed (domInteractive).</summary>
    public double ParsedMilliseconds { get; private set; }

    /// <summary>Milliseconds from the start of navigation to the first paint of text or a picture (first-contentful-paint).</summary>
    public double FirstContentfulPaintMilliseconds { get; private set; }

    /// <summary>Milliseconds from the start of navigation to the end of the load event, as the browser measured it.</summary>
    public double LoadMilliseconds { get; private set; }

    /// <summary>
    /// Milliseconds from the start of navigation to the end of the first frame after the load event (its style, layout
    /// and paint done) that shows the element the page was opened to wait for: from then the reader sees it and the
    /// page answers input. Work a page puts off until after the load event or until an element nears the viewport
    /// (content-visibility) is counted, so this, not the load event, is what a person waits for. 0 with JavaScript off.
    /// </summary>
    public double ReadyMilliseconds { get; private set; }

    /// <summary>Seconds of work on the renderer's main thread from navigation to <see cref="ReadyMilliseconds"/> (DevTools' TaskDuration, before and after), less sensitive to a busy machine than the times.</summary>
    public double TaskSeconds { get; private set; }

    /// <summary>Seconds of that spent on layout (DevTools' LayoutDuration).</summary>
    public double LayoutSeconds { get; private set; }

    /// <summary>Seconds of that spent on style (DevTools' RecalcStyleDuration).</summary>
    public double StyleSeconds { get; private set; }

    /// <summary>Seconds of that spent running script (DevTools' ScriptDuration).</summary>
    public double ScriptSeconds { get; private set; }

    public IReadOnlyCollection<string> Requests => _requests;

    public IReadOnlyCollection<string> ConsoleErrors => _consoleErrors;

    public IReadOnlyCollection<string> Dialogs => _dialogs;

    internal async Task LoadAsync(bool javaScript, string? shown)
    {
        await Page.RouteAsync(url => url != Url, route => route.AbortAsync("blockedbyclient"));
        ICDPSession devTools = await Page.Context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("Performance.enable");
        // The metrics count from the renderer's start, and a renderer may serve several pages: the difference is this load's.
        Dictionary<string, double> before = await MetricsAsync(devTools);
        await Page.GotoAsync(Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        if (javaScript)
        {
            ReadyMilliseconds = await Page.EvaluateAsync<double>(FirstFrameShowing, shown);
        }

        Dictionary<string, double> after = await MetricsAsync(devTools);
        double Spent(string name) => after.GetValueOrDefault(name) - before.GetValueOrDefault(name);
        (TaskSeconds, LayoutSeconds, StyleSeconds, ScriptSeconds) = (Spent("TaskDuration"), Spent("LayoutDuration"), Spent("RecalcStyleDuration"), Spent("ScriptDuration"));
        double[] timing = await Page.EvaluateAsync<double[]>(
            "() => { const n = performance.getEntriesByType('navigation')[0]; const p = performance.getEntriesByName('first-contentful-paint')[0]; return [n.domInteractive, n.loadEventEnd, p ? p.startTime : 0]; }");
        (ParsedMilliseconds, LoadMilliseconds, FirstContentfulPaintMilliseconds) = (timing[0], timing[1], timing[2]);
    }

    /// <summary>
    /// Frame after frame (requestAnimationFrame runs at the start of a frame, the timeout after its layout and paint)
    /// until the element the selector finds is rendered, not skipped by content-visibility; checkVisibility does not
    /// render it itself. Without a selector, the first frame.
    /// </summary>
    private const string FirstFrameShowing = """
        selector => new Promise((resolve, reject) => {
          const frame = () => requestAnimationFrame(() => setTimeout(() => {
            const element = selector ? document.querySelector(selector) : document.documentElement;
            if (!element) reject(new Error('nothing matches ' + selector));
            else if (element.checkVisibility({ contentVisibilityAuto: true })) resolve(performance.now());
            else frame();
          }));
          frame();
        })
        """;

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession devTools)
    {
        JsonElement? metrics = await devTools.SendAsync("Performance.getMetrics");
        return metrics!.Value.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    /// <summary>
    /// The text of each visible row's cells of the findings table, in the order shown, as the reader sees it scrolling
    /// down: the groups of rows away from the viewport, which the browser does not render (content-visibility: auto)
    /// and whose cells' innerText is empty until it does, are rendered for the reading.
    /// </summary>
    public async Task<IReadOnlyList<string[]>> VisibleRowsAsync() =>
        await Page.EvaluateAsync<string[][]>("""
            () => {
              const groups = Array.from(document.querySelectorAll('#findings tbody'));
              groups.forEach(g => g.style.contentVisibility = 'visible');
              const rows = Array.from(document.querySelectorAll('#findings tbody tr')).filter(r => !r.hidden && r.offsetParent !== null).map(r => Array.from(r.cells).map(c => c.innerText));
              groups.forEach(g => g.style.contentVisibility = '');
              return rows;
            }
            """);
}
