using Xunit.Abstractions;

namespace OrchardPortal.Testing.Tests;

public sealed class BrowserFixtureTests(ITestOutputHelper output)
{
    private const string Page = "<!doctype html><html><head><title>Acme Lawn Care portal</title></head><body><h1>Welcome back</h1></body></html>";

    [Fact]
    public async Task Browser_reads_the_title_of_a_page_served_on_loopback()
    {
        var browser = await BrowserFixture.GetAsync();
        output.WriteLine($"Chromium {browser.Browser.Version} launched in {browser.StartupTime.TotalMilliseconds:F0} ms");
        await using var site = await LoopbackSite.StartAsync(Page);

        await browser.RunPageAsync(async page =>
        {
            await page.GotoAsync(site.Address.ToString());

            Assert.Equal("Acme Lawn Care portal", await page.TitleAsync());
            Assert.Equal("Welcome back", await page.InnerTextAsync("h1"));
        });
    }

    [Fact]
    public async Task A_failing_browser_test_saves_a_screenshot_and_still_fails()
    {
        var browser = await BrowserFixture.GetAsync();
        await using var site = await LoopbackSite.StartAsync(Page);
        var expected = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{nameof(BrowserFixtureTests)}.{nameof(A_failing_browser_test_saves_a_screenshot_and_still_fails)}.png");
        if (File.Exists(expected))
        {
            File.Delete(expected);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.RunPageAsync(async page =>
        {
            await page.GotoAsync(site.Address.ToString());
            throw new InvalidOperationException("the journey broke here");
        }));

        Assert.Equal("the journey broke here", error.Message);
        Assert.True(new FileInfo(expected).Length > 0, $"no screenshot at {expected}");
        // The screenshot is the fixture's proof, not a real failure: keep TestResults clean.
        File.Delete(expected);
    }

    [Fact]
    public async Task Each_test_gets_a_fresh_context()
    {
        var browser = await BrowserFixture.GetAsync();
        await using var site = await LoopbackSite.StartAsync(Page);

        await using (var first = await browser.NewContextAsync())
        {
            await first.AddCookiesAsync([new() { Name = "staff", Value = "signed-in", Url = site.Address.ToString() }]);
            Assert.Single(await first.CookiesAsync());
        }

        await using var second = await browser.NewContextAsync();
        Assert.Empty(await second.CookiesAsync());
    }
}
