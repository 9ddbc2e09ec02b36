using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.EndToEnd.Tests.Support;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.EndToEnd.Tests.Journeys;

/// <summary>
/// A customer joins the portal: staff press "Send portal registration link" on the customer; the customer
/// opens the emailed link, chooses a password (with the strength hint in view), lands signed in on Home,
/// signs out, signs in again, forgets the password, resets it from the emailed link and signs in with the
/// new one. The activation and sign-in pages are checked with axe-core.
/// </summary>
public sealed class PortalInvitationJourneyTests(MailingPortalServerFixture server) : IClassFixture<MailingPortalServerFixture>
{
    private const string FirstPassword = "Copper-Kettle-Morning-64";
    private const string NewPassword = "Velvet-Orchard-Compass-29";

    // The portal's Content-Security-Policy (script-src 'self') would block the injected axe-core script.
    private static readonly BrowserNewContextOptions AxeContext = new() { BypassCSP = true };

    // Where a form post lands is checked with ToHaveURLAsync, which polls the page's URL, and never with
    // WaitForURLAsync: when the URL already matches, that waits for the page's "load" event on the client,
    // and under load the .NET client sometimes misses an event the driver did fire (the driver logged
    // "load" 80 ms after the redirect committed; the client's wait saw only "NetworkIdle" and timed out
    // after 30 s, with every request answered in under 1 s). The assertions that follow wait for content.
    private static readonly PageAssertionsToHaveURLOptions AfterPost = new() { Timeout = 30_000 };

    [Fact]
    public async Task Staff_invite_a_customer_who_activates_signs_out_and_in_and_resets_their_password_from_email()
    {
        var tenant = await server.App.CreateTenantAsync(companyName: "Juniper Lane Pest Control");
        var email = $"nadia.{Guid.NewGuid():N}"[..18] + "@example.com";
        await server.App.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var details = new CustomerDetails
            {
                FirstName = "Nadia",
                LastName = "Brightwater",
                Emails = [new EmailDetails { Address = email }],
                Addresses = [new AddressDetails { Kind = AddressKind.Service, Line1 = "12 Thistle Row", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
            };
            var result = await sp.GetRequiredService<CustomerService>().ImportAsync([new CustomerImport(details)], CancellationToken.None);
            Assert.True(result.Succeeded);
            return result;
        });
        var site = server.TenantUrl(tenant.Name, "").TrimEnd('/');

        await server.Browser.RunPageAsync(async staff =>
        {
            await staff.GotoAsync(site + "/admin/login");
            await staff.GetByLabel("Email").FillAsync(tenant.OwnerEmail);
            await staff.GetByLabel("Password").FillAsync(tenant.OwnerPassword);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(staff).ToHaveURLAsync(new Regex("/admin$"), AfterPost);

            await staff.GotoAsync(site + "/admin/customers?q=Brightwater");
            await staff.GetByRole(AriaRole.Link, new() { Name = "Nadia Brightwater" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Nadia Brightwater", Level = 1 })).ToBeVisibleAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "Send portal registration link" }).ClickAsync();
            await Assertions.Expect(staff.GetByText($"Portal registration link sent to {email}.")).ToBeVisibleAsync();
        });

        var activation = await LinkAsync(email, "/activate/", count: 1);
        await server.Browser.RunPageAsync(async customer =>
        {
            await customer.GotoAsync(activation);
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Activate your account" })).ToBeVisibleAsync();
            await Assertions.Expect(customer.Locator("#password-hint")).ToContainTextAsync("At least 10 characters");
            await Axe.AssertNoSeriousViolationsAsync(customer, "the account activation page");

            // The meter under the field responds as they type: weak first, then strong.
            await customer.GetByLabel("New password", new() { Exact = true }).FillAsync("password1");
            await Assertions.Expect(customer.Locator("[data-strength-meter]")).ToBeVisibleAsync();
            var weak = await customer.Locator("[data-strength-meter] meter").GetAttributeAsync("value");
            await customer.GetByLabel("New password", new() { Exact = true }).FillAsync(FirstPassword);
            await Assertions.Expect(customer.Locator("[data-strength-meter] meter")).Not.ToHaveAttributeAsync("value", weak ?? "0");
            await customer.GetByLabel("Type it again", new() { Exact = true }).FillAsync(FirstPassword);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Activate account" }).ClickAsync();

            await Assertions.Expect(customer).ToHaveURLAsync(site + "/", AfterPost);
            await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await Assertions.Expect(customer.Locator("header")).ToContainTextAsync("Nadia");

            await SignOutAsync(customer, site);
            await SignInAsync(customer, site, email, FirstPassword);
            await Axe.AssertNoSeriousViolationsAsync(customer, "the portal home page, signed in");
            await SignOutAsync(customer, site);

            await customer.GotoAsync(site + "/sign-in");
            await Axe.AssertNoSeriousViolationsAsync(customer, "the customer sign-in page");
            await customer.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
            await customer.GetByLabel("Email address").FillAsync(email);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Email me a reset link" }).ClickAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Status)).ToContainTextAsync("we’ve emailed it a link");
        }, AxeContext);

        var reset = await LinkAsync(email, "/reset-password/", count: 1);
        await server.Browser.RunPageAsync(async customer =>
        {
            await customer.GotoAsync(reset);
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
            await customer.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
            await customer.GetByLabel("Type it again", new() { Exact = true }).FillAsync(NewPassword);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();

            // The new password signs this browser in and lands on Home.
            await Assertions.Expect(customer).ToHaveURLAsync(site + "/", AfterPost);
            await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await SignOutAsync(customer, site);

            // The old password no longer works; the new one does.
            await customer.GotoAsync(site + "/sign-in");
            await customer.GetByLabel("Email or account number").FillAsync(email);
            await customer.GetByLabel("Password", new() { Exact = true }).FillAsync(FirstPassword);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await SignInAsync(customer, site, email, NewPassword);
        });
    }

    private static async Task SignInAsync(IPage page, string site, string email, string password)
    {
        await page.GotoAsync(site + "/sign-in");
        await page.GetByLabel("Email or account number").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site + "/", AfterPost);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private static async Task SignOutAsync(IPage page, string site)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await page.GotoAsync(site + "/");
        await Assertions.Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }

    /// <summary>The absolute link to <paramref name="pathPrefix"/> in the <paramref name="count"/>-th such email to <paramref name="email"/>.</summary>
    private async Task<string> LinkAsync(string email, string pathPrefix, int count)
    {
        var pattern = new Regex(@"https?://[^\s""<>]+?" + Regex.Escape(pathPrefix) + @"[A-Za-z0-9_\-]+");
        var mails = await server.Mail.WaitForMailAsync(
            m => m.IsFor(email) && pattern.IsMatch(m.Text ?? ""), TimeSpan.FromSeconds(60));
        Assert.True(mails.Count >= count, $"Expected {count} email(s) with a {pathPrefix} link to {email}.");
        return pattern.Match(mails[count - 1].Text!).Value;
    }
}

/// <summary>The real host on Kestrel with SMTP pointed at the shared maildev, plus the shared browser.</summary>
public sealed class MailingPortalServerFixture : IAsyncLifetime
{
    private PortalApp? _app;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public MailDevServer Mail { get; private set; } = null!;

    public BrowserFixture Browser { get; private set; } = null!;

    public string TenantUrl(string name, string path = "/") => $"http://{name}.localhost:{App.Port}{path}";

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        _app = PortalApp.CreateSqlite(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
            // Journeys decide when autopay runs (AutopayJourneyTests runs it for its own tenant); the background
            // loop would otherwise run at start-up and every ten minutes, charging whenever it happened to wake.
            ["Payments:Autopay:JobEnabled"] = "false",
        });
        _app.StartKestrel();
        Browser = await BrowserFixture.GetAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
