using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OrchardPortal.EndToEnd.Tests.Journeys;

public sealed partial class SignupJourneyTests(PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    // Where a form post lands is checked with ToHaveURLAsync, which polls the page's URL, never with
    // WaitForURLAsync/WaitForLoadStateAsync: those also wait for the page's "load" event, which the .NET client
    // sometimes misses under load (see PortalInvitationJourneyTests). What the page then shows is asserted too.
    private static readonly PageAssertionsToHaveURLOptions AfterPost = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_new_company_signs_up_lands_in_its_admin_and_opens_its_public_portal()
    {
        var subdomain = "meadow-" + Guid.NewGuid().ToString("N")[..6];
        await server.Browser.RunPageAsync(async page =>
        {
            await page.GotoAsync(server.BaseUrl);
            await page.GetByRole(AriaRole.Link, new() { Name = "Create your portal" }).First.ClickAsync();

            await page.GetByLabel("Company name", new() { Exact = true }).FillAsync("Meadow Brothers Lawn Care");
            await page.GetByLabel("Portal address", new() { Exact = true }).FillAsync(subdomain);
            await page.GetByLabel("Your name", new() { Exact = true }).FillAsync("Maya Meadow");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"maya@{subdomain}.example.com");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Clover-Field-Sunrise-8");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create my portal" }).ClickAsync();

            // The owner lands signed in on the new tenant's admin, on the tenant's own host name.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^http://{subdomain}\\.localhost:{server.App.Port}/admin"), AfterPost);
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Maya Meadow").First).ToBeVisibleAsync();

            // The tenant's public address answers with the company's own page.
            await page.GotoAsync(server.TenantUrl(subdomain));
            await Assertions.Expect(page.GetByText("Meadow Brothers Lawn Care").First).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task The_signup_form_says_as_you_type_when_a_subdomain_is_reserved()
    {
        await server.Browser.RunPageAsync(async page =>
        {
            await page.GotoAsync(server.BaseUrl + "/signup");

            await page.GetByLabel("Portal address", new() { Exact = true }).FillAsync("admin");

            await Assertions.Expect(page.GetByText(ReservedMessage())).ToBeVisibleAsync();
        });
    }

    [GeneratedRegex("reserved", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedMessage();
}
