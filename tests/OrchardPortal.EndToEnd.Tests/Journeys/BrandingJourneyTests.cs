using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrchardPortal.EndToEnd.Tests.Support;
using OrchardPortal.Testing;

namespace OrchardPortal.EndToEnd.Tests.Journeys;

/// <summary>
/// A company brands its new portal in the browser (colour, header image, home text with a picture,
/// preview, publish) and a visitor sees it; then hiding a tab takes it away from visitors. Every
/// page on the way is checked with axe-core.
/// </summary>
public sealed partial class BrandingJourneyTests(PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    // Where a form post lands is checked with ToHaveURLAsync, which polls the page's URL, never with
    // WaitForURLAsync/WaitForLoadStateAsync: those also wait for the page's "load" event, which the .NET client
    // sometimes misses under load (see PortalInvitationJourneyTests). What the page then shows is asserted too.
    private static readonly PageAssertionsToHaveURLOptions AfterPost = new() { Timeout = 30_000 };

    private const string Company = "Clover Ridge Lawn Care";
    private const string ThemeColor = "#7b2d8e";
    private const string ThemeColorRgb = "rgb(123, 45, 142)";
    private const string HomeText = "Spring aeration slots are open";
    private const string PictureAlt = "Our crew aerating a lawn";

    // The portal's Content-Security-Policy (script-src 'self') would block the injected axe-core
    // script; only the test's own contexts bypass it.
    private static readonly BrowserNewContextOptions AxeContext = new() { BypassCSP = true };

    [Fact]
    public async Task A_new_company_brands_and_publishes_its_portal_and_a_visitor_sees_it_then_a_hidden_tab_is_gone()
    {
        var subdomain = "clover-" + Guid.NewGuid().ToString("N")[..6];
        var files = ScratchDirectory.Create("branding-journey");
        var header = Path.Combine(files, "header.png");
        var picture = Path.Combine(files, "crew.png");
        await File.WriteAllBytesAsync(header, TestPng.Solid(240, 60, 0x20, 0x60, 0x30));
        await File.WriteAllBytesAsync(picture, TestPng.Solid(120, 80, 0xc0, 0x90, 0x20));

        await server.Browser.RunPageAsync(async page =>
        {
            await SignUpAsync(page, subdomain);
            var site = server.TenantUrl(subdomain, "").TrimEnd('/');

            await page.GotoAsync(site + "/admin/portal/theme");
            await page.GetByLabel("Theme colour", new() { Exact = true }).FillAsync(ThemeColor);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save colours and name" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Saved. Your portal now shows your new colours and name.")).ToBeVisibleAsync();

            await page.GotoAsync(site + "/admin/branding/header-image");
            await page.GetByLabel("Image file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
            {
                Name = "header.png",
                MimeType = "image/png",
                Buffer = await File.ReadAllBytesAsync(header),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload image" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Header image updated.", new() { Exact = false })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".header-image-size")).ToContainTextAsync("240");

            await page.GotoAsync(site + "/admin/content/home");
            var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Home page text" });
            await editor.ClickAsync();
            await page.Keyboard.PressAsync("Control+a");
            await page.Keyboard.PressAsync("Delete");
            await page.Keyboard.TypeAsync(HomeText);
            await page.Keyboard.PressAsync("Enter");
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync(PictureAlt);
            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Image" }).ClickAsync());
            await chooser.SetFilesAsync(picture);
            await Assertions.Expect(page.Locator($".rich-editor-content img[alt='{PictureAlt}']")).ToBeVisibleAsync();

            // Preview opens the draft in a new tab, inside the real theme, marked as a preview.
            var preview = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync());
            await Assertions.Expect(preview.GetByText(HomeText)).ToBeVisibleAsync();
            await Assertions.Expect(preview.Locator($"img[alt='{PictureAlt}']")).ToBeVisibleAsync();
            await Assertions.Expect(preview.GetByText("Preview — not published", new() { Exact = false })).ToBeVisibleAsync();
            await preview.CloseAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Assertions.Expect(page.GetByText(PublishedNotice())).ToBeVisibleAsync();

            // A tab page as a customer sees it, through the sample portal (no customer login exists yet).
            await page.GotoAsync(site + "/admin/sample-portal/invoices");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoices", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(TabLink(page, "Invoices")).ToHaveAttributeAsync("aria-current", "page");
            await Axe.AssertNoSeriousViolationsAsync(page, "the Invoices tab (sample portal)");
        }, AxeContext);

        await server.Browser.RunPageAsync(async visitor =>
        {
            await visitor.GotoAsync(server.TenantUrl(subdomain));
            await Assertions.Expect(visitor.GetByText(HomeText)).ToBeVisibleAsync();
            await Assertions.Expect(visitor.Locator($"main img[alt='{PictureAlt}']")).ToBeVisibleAsync();
            var brand = visitor.Locator("header img.brand-image");
            await Assertions.Expect(brand).ToBeVisibleAsync();
            Assert.Equal(240, await brand.EvaluateAsync<int>("img => img.naturalWidth"));
            var signIn = visitor.Locator("header .button").First;
            Assert.Equal(ThemeColorRgb, await signIn.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"));
            Assert.Equal(ThemeColorRgb, await visitor.Locator("nav.tabs").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
            await Assertions.Expect(TabLink(visitor, "Invoices")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(visitor, "the public portal home page");

            await visitor.GotoAsync(server.TenantUrl(subdomain, "/payments"));
            await Axe.AssertNoSeriousViolationsAsync(visitor, "a tab page seen signed out (Payments)");
            await visitor.GotoAsync(server.TenantUrl(subdomain, "/sign-in"));
            await Axe.AssertNoSeriousViolationsAsync(visitor, "the customer sign-in page");
        }, AxeContext);

        await server.Browser.RunPageAsync(async page =>
        {
            await SignInAsStaffAsync(page, subdomain);
            await page.GotoAsync(server.TenantUrl(subdomain, "/admin/portal/settings"));
            await page.GetByLabel("Invoices", new() { Exact = true }).UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Portal settings saved.", new() { Exact = false })).ToBeVisibleAsync();
        });

        await server.Browser.RunPageAsync(async visitor =>
        {
            await visitor.GotoAsync(server.TenantUrl(subdomain));
            await Assertions.Expect(TabLink(visitor, "Payments")).ToBeVisibleAsync();
            await Assertions.Expect(TabLink(visitor, "Invoices")).ToHaveCountAsync(0);

            var response = await visitor.GotoAsync(server.TenantUrl(subdomain, "/invoices"));
            Assert.Equal(404, response!.Status);
        });
    }

    [Fact]
    public async Task The_host_site_signup_page_has_no_serious_accessibility_violations()
    {
        await server.Browser.RunPageAsync(async page =>
        {
            await page.GotoAsync(server.BaseUrl + "/signup");
            await Assertions.Expect(page.GetByLabel("Portal address", new() { Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, "the signup page");
        }, AxeContext);
    }

    [Fact]
    public async Task The_accessibility_check_fails_on_a_page_with_a_critical_violation()
    {
        // Guards the checker itself: a picture without alt text is a critical axe-core violation.
        await server.Browser.RunPageAsync(async page =>
        {
            await page.SetContentAsync("<!doctype html><html lang=\"en\"><title>t</title><main><img src=\"x.png\"></main></html>");
            var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoSeriousViolationsAsync(page, "a broken page"));
            Assert.Contains("image-alt [critical]", failure.Message, StringComparison.Ordinal);
        }, AxeContext);
    }

    private static ILocator TabLink(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Portal sections" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private async Task SignUpAsync(IPage page, string subdomain)
    {
        await page.GotoAsync(server.BaseUrl + "/signup");
        await page.GetByLabel("Company name", new() { Exact = true }).FillAsync(Company);
        await page.GetByLabel("Portal address", new() { Exact = true }).FillAsync(subdomain);
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync("Rosa Ridge");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"rosa@{subdomain}.example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Granite-Harbor-Sunset-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my portal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^http://{subdomain}\\.localhost:{server.App.Port}/admin"), AfterPost);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" })).ToBeVisibleAsync();
    }

    private async Task SignInAsStaffAsync(IPage page, string subdomain)
    {
        await page.GotoAsync(server.TenantUrl(subdomain, "/admin/login"));
        await page.GetByLabel("Email").FillAsync($"rosa@{subdomain}.example.com");
        await page.GetByLabel("Password").FillAsync("Granite-Harbor-Sunset-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"), AfterPost);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("^Published version \\d+\\.")]
    private static partial Regex PublishedNotice();
}
