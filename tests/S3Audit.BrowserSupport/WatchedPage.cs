using System.Collections.Concurrent;
using System.Diagnostics;
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

    /// <summary>Milliseconds from the start of navigation to the end of the load event, as the browser measured it.</summary>
    public double LoadMilliseconds { get; private set; }

    /// <summary>Milliseconds from the start of navigation until the document was parsed (domInteractive).</summary>
    public double ParsedMilliseconds { get; private set; }

    /// <summary>Seconds of work on the page's main thread until load (DevTools' TaskDuration), less sensitive to a busy machine than the times.</summary>
    public double TaskSeconds { get; private set; }

    /// <summary>Seconds of that spent on layout (DevTools' LayoutDuration).</summary>
    public double LayoutSeconds { get; private set; }

    /// <summary>Milliseconds the load took as seen from here (navigation request to load event).</summary>
    public double WallMilliseconds { get; private set; }

    public IReadOnlyCollection<string> Requests => _requests;

    public IReadOnlyCollection<string> ConsoleErrors => _consoleErrors;

    public IReadOnlyCollection<string> Dialogs => _dialogs;

    internal async Task LoadAsync()
    {
        await Page.RouteAsync(url => url != Url, route => route.AbortAsync("blockedbyclient"));
        ICDPSession devTools = await Page.Context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("Performance.enable");
        var watch = Stopwatch.StartNew();
        await Page.GotoAsync(Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        WallMilliseconds = watch.Elapsed.TotalMilliseconds;
        JsonElement? metrics = await devTools.SendAsync("Performance.getMetrics");
        foreach (JsonElement metric in metrics!.Value.GetProperty("metrics").EnumerateArray())
        {
            switch (metric.GetProperty("name").GetString())
            {
                case "TaskDuration": TaskSeconds = metric.GetProperty("value").GetDouble(); break;
                case "LayoutDuration": LayoutSeconds = metric.GetProperty("value").GetDouble(); break;
            }
        }

        if (await Page.EvaluateAsync<bool>("() => typeof performance === 'object'"))
        {
            double[] timing = await Page.EvaluateAsync<double[]>("() => { const n = performance.getEntriesByType('navigation')[0]; return [n.domInteractive, n.loadEventEnd]; }");
            (ParsedMilliseconds, LoadMilliseconds) = (timing[0], timing[1]);
        }
    }

    /// <summary>The text of each visible row's cells of the findings table, in the order shown.</summary>
    public async Task<IReadOnlyList<string[]>> VisibleRowsAsync() =>
        await Page.EvaluateAsync<string[][]>(
            "() => Array.from(document.querySelectorAll('#findings tbody tr')).filter(r => !r.hidden && r.offsetParent !== null).map(r => Array.from(r.cells).map(c => c.innerText))");
}
