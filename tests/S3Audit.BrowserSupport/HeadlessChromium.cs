using Microsoft.Playwright;

namespace S3Audit.BrowserSupport;

/// <summary>
/// The system Chromium, headless, with a fresh profile folder, and the flags this machine needs: no sandbox (root),
/// no GPU, and none of Chromium's own background traffic (update checks, sync, field trials), which would show as
/// requests the page did not make. A missing browser is an error that says how to install it, never a skip.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Flags =
    {
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    };

    private readonly IPlaywright _playwright;
    private readonly string _profile;
    private readonly bool _javaScript;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string profile, bool javaScript)
    {
        _playwright = playwright;
        _javaScript = javaScript;
        Context = context;
        _profile = profile;
    }

    /// <summary>The browser's one context (its profile folder is new and deleted on dispose).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The executable: S3AUDIT_CHROMIUM, or Debian's /usr/bin/chromium.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("S3AUDIT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Starts Chromium. <paramref name="javaScript"/> false starts it with scripts off.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(bool javaScript = true, int width = 1400, int height = 1600)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}: run 'bash tests/browser/chromium.sh install' (tests/run-tests.sh does).");
        }

        string profile = Directory.CreateTempSubdirectory("s3audit-chromium-").FullName;
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowserContext context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Offline = true,
        });
        return new HeadlessChromium(playwright, context, profile, javaScript);
    }

    /// <summary>
    /// Opens <paramref name="file"/> in a new tab that records every request, console error, page error and dialog;
    /// with <paramref name="shown"/> (a CSS selector) its load lasts until the element it finds is rendered.
    /// </summary>
    public async Task<WatchedPage> OpenAsync(string file, string? shown = null)
    {
        IPage page = await Context.NewPageAsync();
        var watched = new WatchedPage(page, new Uri(Path.GetFullPath(file)).AbsoluteUri);
        await watched.LoadAsync(_javaScript, shown);
        return watched;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its last files: a temporary folder left behind is harmless.
        }
    }
}
