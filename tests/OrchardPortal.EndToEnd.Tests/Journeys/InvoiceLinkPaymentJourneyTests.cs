using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.EndToEnd.Tests.Journeys;

/// <summary>
/// Paying from an emailed invoice: staff email an invoice from its page; the customer opens the link from the
/// email without signing in, pays with the Sandbox test card, sees the receipt, and the receipt email arrives.
/// A second invoice paid with a declining card shows the failure dialog with the reason, and nothing is paid.
/// </summary>
public sealed class InvoiceLinkPaymentJourneyTests(MailingPortalServerFixture server) : IClassFixture<MailingPortalServerFixture>
{
    // Where a form post lands is checked with ToHaveURLAsync, which polls the page's URL, never with
    // WaitForURLAsync/WaitForLoadStateAsync: those also wait for the page's "load" event, which the .NET client
    // sometimes misses under load (see PortalInvitationJourneyTests). What the page then shows is asserted too.
    private static readonly PageAssertionsToHaveURLOptions AfterPost = new() { Timeout = 30_000 };

    private static readonly long[] InvoicePrices = [8_500L, 4_200L];

    [Fact]
    public async Task A_customer_pays_an_emailed_invoice_without_signing_in_and_a_declined_card_shows_why()
    {
        var tenant = await server.App.CreateTenantAsync(companyName: "Fernbrook Gardens");
        var email = $"oli.{Guid.NewGuid():N}"[..16] + "@example.com";
        var invoices = await server.App.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var customer = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails
            {
                FirstName = "Oli",
                LastName = "Marsh",
                Emails = [new EmailDetails { Address = email, IsPrimary = true }],
            }, CancellationToken.None);
            Assert.True(customer.Succeeded);
            var service = sp.GetRequiredService<InvoiceService>();
            var made = new List<(long Id, string Number, long CustomerId)>();
            foreach (var price in InvoicePrices)
            {
                var today = TenantDate.Today;
                var draft = await service.CreateAsync(new DocumentDraft
                {
                    CustomerId = customer.CustomerId,
                    IssueDate = today,
                    EndDate = today.AddDays(14),
                    Lines = [new LineDraft { Description = "Spring aeration", Quantity = 1, UnitPrice = price }],
                }, CancellationToken.None);
                Assert.True((await service.IssueAsync(draft.Id, CancellationToken.None)).Succeeded);
                made.Add((draft.Id, (await service.GetAsync(draft.Id, CancellationToken.None))!.Number, customer.CustomerId));
            }

            return made;
        });
        var site = server.TenantUrl(tenant.Name, "").TrimEnd('/');

        await EmailInvoiceAsync(tenant, site, invoices[0].Id, email);
        var firstLink = await LinkAsync(email, invoices[0].Number);
        await server.Browser.RunPageAsync(async customer =>
        {
            await customer.GotoAsync(firstLink);
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Invoice " + invoices[0].Number, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(customer.Locator("#invoice-balance")).ToContainTextAsync("$85.00");
            await PayWithCardAsync(customer, "4242 4242 4242 4242");

            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Payment received" })).ToBeVisibleAsync();
            await Assertions.Expect(customer.Locator(".receipt-amount")).ToHaveTextAsync("$85.00");
            await customer.GotoAsync(firstLink);
            await Assertions.Expect(customer.GetByText("This invoice is paid.")).ToBeVisibleAsync();
        });
        var receipts = await server.Mail.WaitForMailAsync(m => m.IsFor(email) && m.Subject.Contains("$85.00", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Single(receipts);

        await EmailInvoiceAsync(tenant, site, invoices[1].Id, email);
        var secondLink = await LinkAsync(email, invoices[1].Number);
        await server.Browser.RunPageAsync(async customer =>
        {
            await customer.GotoAsync(secondLink);
            await PayWithCardAsync(customer, "4000 0000 0000 0002");

            var dialog = customer.GetByRole(AriaRole.Alertdialog);
            await Assertions.Expect(dialog).ToContainTextAsync("Your payment didn’t go through");
            await Assertions.Expect(dialog).ToContainTextAsync("declined");
            await Assertions.Expect(dialog.GetByRole(AriaRole.Link, new() { Name = "update your billing information" })).ToBeVisibleAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
            await Assertions.Expect(customer.Locator("#invoice-balance")).ToContainTextAsync("$42.00");
        });

        var (payments, balance) = await server.App.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var ledger = sp.GetRequiredService<BillingLedger>();
            return ((await ledger.PaymentsAsync(invoices[0].CustomerId, CancellationToken.None)).Count, await ledger.GetBalanceAsync(invoices[0].CustomerId, CancellationToken.None));
        });
        Assert.Equal(1, payments);
        Assert.Equal(4_200, balance);
    }

    private async Task EmailInvoiceAsync(Web.Testing.TenantHandle tenant, string site, long invoiceId, string email)
    {
        await server.Browser.RunPageAsync(async staff =>
        {
            await staff.GotoAsync(site + "/admin/login");
            await staff.GetByLabel("Email").FillAsync(tenant.OwnerEmail);
            await staff.GetByLabel("Password").FillAsync(tenant.OwnerPassword);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(staff).ToHaveURLAsync(new Regex("/admin$"), AfterPost);
            await Assertions.Expect(staff.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" })).ToBeVisibleAsync();

            await staff.GotoAsync($"{site}/admin/invoices/{invoiceId}");
            await staff.GetByRole(AriaRole.Link, new() { Name = "Email invoice to customer" }).ClickAsync();
            await Assertions.Expect(staff.Locator("#send-to")).ToHaveTextAsync(email);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Send email" }).ClickAsync();
            await Assertions.Expect(staff.GetByText($"Emailed the invoice to {email}.")).ToBeVisibleAsync();
        });
    }

    private static async Task PayWithCardAsync(IPage page, string number)
    {
        await page.GetByLabel("Card number").FillAsync(number);
        await page.GetByLabel("Expiry month (MM)").FillAsync("12");
        await page.GetByLabel("Expiry year (YY)").FillAsync((DateTime.UtcNow.Year + 2 - 2000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Security code").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay now" }).ClickAsync();
    }

    /// <summary>The absolute "View and pay" link of the invoice email for <paramref name="number"/>.</summary>
    private async Task<string> LinkAsync(string email, string number)
    {
        var pattern = new Regex(@"https?://[^\s""<>]+?/pay/link/[A-Za-z0-9_\-]{43}");
        // Long lines may come wrapped (soft line breaks); the link is whole again once they are joined.
        static string Joined(string? text) => (text ?? "").Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)
            .Replace("\r\n", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        var mails = await server.Mail.WaitForMailAsync(
            m => m.IsFor(email) && m.Subject.Contains("Invoice " + number, StringComparison.Ordinal) && pattern.IsMatch(Joined(m.Html) + Joined(m.Text)), TimeSpan.FromSeconds(60));
        return pattern.Match(Joined(mails[^1].Html) + Joined(mails[^1].Text)).Value;
    }
}
