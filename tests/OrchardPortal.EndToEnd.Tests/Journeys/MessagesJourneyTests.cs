using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.EndToEnd.Tests.Support;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.EndToEnd.Tests.Journeys;

/// <summary>
/// A customer and the office talk about an invoice: from the invoice page the customer messages the office
/// with a photo; staff see the unread badge, open the conversation, see the photo and reply; the office
/// address is emailed the customer's message and the customer is emailed the reply, whose link opens the
/// conversation; the customer's unread badge goes from 1 to none once they read it. axe-core checks the
/// new-message and conversation pages.
/// </summary>
public sealed class MessagesJourneyTests(MailingPortalServerFixture server) : IClassFixture<MailingPortalServerFixture>
{
    // Where a form post lands is checked with ToHaveURLAsync, which polls the page's URL, never with
    // WaitForURLAsync/WaitForLoadStateAsync: those also wait for the page's "load" event, which the .NET client
    // sometimes misses under load (see PortalInvitationJourneyTests). What the page then shows is asserted too.
    private static readonly PageAssertionsToHaveURLOptions AfterPost = new() { Timeout = 30_000 };

    private const string Password = "Copper-Kettle-Morning-64";

    // The portal's Content-Security-Policy (script-src 'self') would block the injected axe-core script.
    private static readonly BrowserNewContextOptions AxeContext = new() { BypassCSP = true };

    [Fact]
    public async Task A_customer_and_staff_exchange_messages_about_an_invoice()
    {
        var tenant = await server.App.CreateTenantAsync(companyName: "Birchwood Gardens");
        var customerEmail = $"rosa.{Guid.NewGuid():N}"[..17] + "@example.com";
        var officeEmail = $"office.{Guid.NewGuid():N}"[..19] + "@example.com";
        var (invoiceId, number) = await SetUpAsync(tenant.Name, customerEmail, officeEmail);
        var site = server.TenantUrl(tenant.Name, "").TrimEnd('/');
        // The invitation was sent outside a request, so its link names the tenant's public address; this
        // test server listens on its own port, so only the path is taken from it.
        var activation = site + new Uri(await LinkAsync(customerEmail, "/activate/[A-Za-z0-9_\\-]+")).PathAndQuery;

        await server.Browser.RunPageAsync(async customer =>
        {
            await customer.GotoAsync(activation);
            await customer.GetByLabel("New password", new() { Exact = true }).FillAsync(Password);
            await customer.GetByLabel("Type it again", new() { Exact = true }).FillAsync(Password);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Activate account" }).ClickAsync();
            await Assertions.Expect(customer).ToHaveURLAsync(site + "/", AfterPost);
            await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

            // From the invoice, "Message us about this invoice" opens the form with the invoice chosen.
            await customer.GotoAsync(site + "/invoices/" + invoiceId);
            await customer.GetByRole(AriaRole.Link, new() { Name = "Message us about this invoice" }).ClickAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "New message", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(customer.GetByLabel("What is it about?")).ToHaveValueAsync("invoice:" + invoiceId);
            await Axe.AssertNoSeriousViolationsAsync(customer, "the new message page");
            await customer.GetByLabel("Your message").FillAsync("Hi! Was the late fee on this one removed?\nThe gate photo is attached.");
            await customer.GetByLabel("Attach files (optional)").SetInputFilesAsync(new FilePayload { Name = "gate.png", MimeType = "image/png", Buffer = TestPng.Solid(4, 4, 40, 120, 60) });
            await customer.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();

            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "About invoice " + number, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Status)).ToContainTextAsync("Your message was sent");
            await Assertions.Expect(customer.Locator("#latest .message-body")).ToContainTextAsync("late fee");
            await Assertions.Expect(customer.Locator("#latest").GetByRole(AriaRole.Link, new() { Name = "gate.png" })).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(customer, "a conversation page");

            await server.Browser.RunPageAsync(async staff =>
            {
                await staff.GotoAsync(site + "/admin/login");
                await staff.GetByLabel("Email").FillAsync(tenant.OwnerEmail);
                await staff.GetByLabel("Password").FillAsync(tenant.OwnerPassword);
                await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await Assertions.Expect(staff).ToHaveURLAsync(new Regex("/admin$"), AfterPost);
                await Assertions.Expect(staff.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" })).ToBeVisibleAsync();

                var menuLink = staff.Locator("nav a[href='/admin/messages']");
                await Assertions.Expect(menuLink.Locator(".menu-badge")).ToContainTextAsync("1");
                await menuLink.ClickAsync();
                await staff.GetByRole(AriaRole.Link, new() { Name = "About invoice " + number }).ClickAsync();
                await Assertions.Expect(staff.Locator(".message-body").First).ToContainTextAsync("Was the late fee on this one removed?");
                await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "gate.png" })).ToBeVisibleAsync();
                await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Invoice " + number })).ToBeVisibleAsync();

                await staff.GetByLabel("Message", new() { Exact = true }).FillAsync("Yes, Rosa, the late fee is gone. Thanks for the photo!");
                await staff.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
                await Assertions.Expect(staff.GetByText("Message sent.")).ToBeVisibleAsync();
                await Assertions.Expect(staff.Locator("#latest .message-body")).ToContainTextAsync("the late fee is gone");
                await Assertions.Expect(menuLink.Locator(".menu-badge")).ToHaveCountAsync(0);
            });

            var toOffice = await server.Mail.WaitForMailAsync(m => m.IsFor(officeEmail), TimeSpan.FromSeconds(60));
            Assert.Contains("About invoice " + number, Assert.Single(toOffice).Subject, StringComparison.Ordinal);

            await customer.GotoAsync(site + "/");
            await Assertions.Expect(customer.Locator("#messages-unread")).ToContainTextAsync("1");
            var link = await LinkAsync(customerEmail, "/messages/[0-9]+");
            await customer.GotoAsync(link);
            await Assertions.Expect(customer.Locator("#latest .message-body")).ToContainTextAsync("the late fee is gone");
            await Assertions.Expect(customer.Locator("#latest")).ToContainTextAsync("Birchwood Gardens");
            await customer.GotoAsync(site + "/messages");
            await Assertions.Expect(customer.Locator("#messages-unread")).ToHaveCountAsync(0);
            await Assertions.Expect(customer.GetByRole(AriaRole.Link, new() { Name = "About invoice " + number })).ToBeVisibleAsync();
        }, AxeContext);
    }

    // The tenant switches on Invoices and Messages and names its office address; staff add the customer,
    // issue an invoice and send the portal invitation (the services their admin pages call).
    private Task<(long InvoiceId, string Number)> SetUpAsync(string tenantName, string customerEmail, string officeEmail) =>
        server.App.InTenantScopeAsync(tenantName, async sp =>
        {
            var portal = sp.GetRequiredService<PortalSettingsService>();
            var settings = await portal.GetAsync(CancellationToken.None);
            settings.EnabledTabs.AddRange([PortalTabs.Invoices.Key, PortalTabs.Messages.Key]);
            settings.NotificationEmails = [officeEmail];
            Assert.Empty(await portal.SaveAsync(settings, CancellationToken.None));

            var customers = sp.GetRequiredService<CustomerService>();
            var created = await customers.CreateAsync(new CustomerDetails
            {
                FirstName = "Rosa",
                LastName = "Delgado",
                Emails = [new EmailDetails { Address = customerEmail, IsPrimary = true }],
                Addresses = [new AddressDetails { Kind = AddressKind.Service, Line1 = "27 Quarry Road", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
            }, CancellationToken.None);
            Assert.True(created.Succeeded);

            var invoices = sp.GetRequiredService<InvoiceService>();
            var today = TenantDate.Today;
            var invoice = await invoices.CreateAsync(new DocumentDraft
            {
                CustomerId = created.CustomerId,
                IssueDate = today,
                EndDate = today.AddDays(30),
                Lines = [new LineDraft { Description = "Spring clean-up", Quantity = 1, UnitPrice = 14500 }],
            }, CancellationToken.None);
            Assert.True((await invoices.IssueAsync(invoice.Id, CancellationToken.None)).Succeeded);

            var invited = await sp.GetRequiredService<PortalInvitationService>().InviteCustomerAsync(created.CustomerId, CancellationToken.None);
            Assert.True(invited.Succeeded, invited.Error);
            return (invoice.Id, (await invoices.GetAsync(invoice.Id, CancellationToken.None))!.Number);
        });

    /// <summary>The absolute link matching <paramref name="pathPattern"/> in the email to <paramref name="email"/>.</summary>
    private async Task<string> LinkAsync(string email, string pathPattern)
    {
        var pattern = new Regex(@"https?://[^\s""<>/]+" + pathPattern);
        var mails = await server.Mail.WaitForMailAsync(m => m.IsFor(email) && pattern.IsMatch(m.Text ?? ""), TimeSpan.FromSeconds(60));
        return pattern.Match(mails[0].Text!).Value;
    }
}
