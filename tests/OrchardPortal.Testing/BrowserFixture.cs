using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace OrchardPortal.Testing;

/// <summary>
/// One headless Debian Chromium per test process, driven by Microsoft.Playwright. Playwright's
/// own browser download cannot work on our machines (no network), so the fixture always points
/// <c>ExecutablePath</c> at the system Chromium; never run <c>playwright install</c>. Each test
/// gets a fresh context (cookies, storage) through <see cref="RunPageAsync"/> or
/// <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture
{
    private const string DefaultChromium = "/usr/bin/chromium";

    // Without the networking flags Chromium keeps dialling Google services, which this closed
    // network refuses; --no-sandbox is required when the tests run as root.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private static readonly Lazy<Task<BrowserFixture>> Shared =
        new(() => Task.Run(LaunchAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IPlaywright _playwright;

    private BrowserFixture(IPlaywright playwright, IBrowser browser, TimeSpan startupTime)
    {
        _playwright = playwright;
        Browser = browser;
        StartupTime = startupTime;
    }

    public IBrowser Browser { get; }

    /// <summary>How long starting the Playwright driver and Chromium took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Where failure screenshots go: <c>{repo}/TestResults/screenshots</c>.</summary>
    public static string ScreenshotDirectory { get; } = RepositoryRoot.Combine("TestResults", "screenshots");

    /// <summary>The process-wide browser, launched on first call; a failed launch is cached.</summary>
    public static Task<BrowserFixture> GetAsync(CancellationToken cancellationToken = default) =>
        Shared.Value.WaitAsync(cancellationToken);

    /// <summary>A fresh, isolated context; the caller disposes it.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null) =>
        Browser.NewContextAsync(options ?? new BrowserNewContextOptions());

    /// <summary>
    /// Runs <paramref name="test"/> on a new page in a new context. If it throws, saves a
    /// screenshot to <c>TestResults/screenshots/{Class}.{Test}.png</c> and rethrows; the context
    /// is closed either way. The name comes from the calling file and method.
    /// </summary>
    public async Task RunPageAsync(
        Func<IPage, Task> test,
        BrowserNewContextOptions? options = null,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string testName = "")
    {
        cancellationToken.ThrowIfCancellationRequested();
        var name = $"{Path.GetFileNameWithoutExtension(callerFile)}.{testName}";
        await using var context = await NewContextAsync(options);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var path = await TrySaveScreenshotAsync(page, name);
            if (path is not null)
            {
                Console.Error.WriteLine($"[OrchardPortal.Testing] screenshot of the failing page: {path}");
            }

            throw;
        }
    }

    /// <summary>Saves a full-page screenshot as <c>{ScreenshotDirectory}/{name}.png</c>.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var safeName = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c));
        var path = Path.Combine(ScreenshotDirectory, safeName + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static async Task<string?> TrySaveScreenshotAsync(IPage page, string name)
    {
        try
        {
            return await SaveScreenshotAsync(page, name);
        }
        catch (PlaywrightException exception)
        {
            // A crashed page cannot be captured; the test's own exception matters more.
            Console.Error.WriteLine($"[OrchardPortal.Testing] could not save a screenshot for {name}: {exception.Message}");
            return null;
        }
    }

    private static async Task<BrowserFixture> LaunchAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var executable = Environment.GetEnvironmentVariable("ORCHARDPORTAL_CHROMIUM") is { Length: > 0 } overridden
            ? overridden
            : DefaultChromium;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. Install Debian's chromium (`sudo apt-get install -y chromium`, or run scripts/install-test-deps.sh as root). Do not run `playwright install`: its download cannot work here.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ChromiumArguments,
            });
            var fixture = new BrowserFixture(playwright, browser, stopwatch.Elapsed);
            // The Playwright driver also closes Chromium when this process dies and its stdin
            // closes; this is the orderly path for a normal exit.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => fixture.Close();
            return fixture;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    private void Close()
    {
        try
        {
            Browser.CloseAsync().Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The driver may already be gone at exit; it takes Chromium down with it.
        }

        _playwright.Dispose();
    }
}
