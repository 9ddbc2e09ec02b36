using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Autopay.Job;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.EndToEnd.Tests.Journeys;

/// <summary>
/// Autopay end to end: staff offer auto-pay in Portal settings and invite a customer; the customer activates their
/// account, finds that the Sandbox's declining test card can't be saved, saves the Visa test card, and turns on
/// automatic payments (refused until the authorisation is ticked). An invoice due today is issued and the autopay
/// job runs once for the tenant: the invoice is charged, exactly one auto-charge receipt arrives in maildev with the
/// amount and the invoice number, and the customer's portal shows the invoice paid, a zero balance and the payment.
/// </summary>
/// <remarks>
/// A declined autopay charge is not in this journey: the Sandbox refuses to save its declining cards (a setup with
/// 4000 0000 0000 0002 answers "declined"; a declined payment saves nothing) and charges every saved card off-session
/// successfully, so no saved Sandbox method can decline. The Payments tests cover a declined charge with the fake Stripe.
/// </remarks>
public sealed class AutopayJourneyTests(MailingPortalServerFixture server) : IClassFixture<MailingPortalServerFixture>
{
    // Where a form post lands is checked with ToHaveURLAsync, which polls the page's URL, never with
    // WaitForURLAsync/WaitForLoadStateAsync: those also wait for the page's "load" event, which the .NET client
    // sometimes misses under load (see PortalInvitationJourneyTests). What the page then shows is asserted too.
    private static readonly PageAssertionsToHaveURLOptions AfterPost = new() { Timeout = 30_000 };

    private const string Password = "Saffron-Kestrel-Harbor-37";
    private const long InvoicePrice = 6_350;
    private const string Amount = "$63.50";

    // The page's own notice; the Sandbox's test-mode banner is a status too.
    private const string Notice = ".alert-success[role=status]";

    [Fact]
    public async Task A_customer_who_turns_on_autopay_is_charged_on_the_due_date_and_gets_one_auto_charge_receipt()
    {
        var tenant = await server.App.CreateTenantAsync(companyName: "Hollybrook Gardens");
        var email = $"marisol.{Guid.NewGuid():N}"[..20] + "@example.com";
        var customerId = await server.App.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var created = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails
            {
                FirstName = "Marisol",
                LastName = "Quintero",
                Emails = [new EmailDetails { Address = email, IsPrimary = true }],
            }, CancellationToken.None);
            Assert.True(created.Succeeded);
            return created.CustomerId;
        });
        var site = server.TenantUrl(tenant.Name, "").TrimEnd('/');

        await server.Browser.RunPageAsync(async staff =>
        {
            await staff.GotoAsync(site + "/admin/login");
            await staff.GetByLabel("Email").FillAsync(tenant.OwnerEmail);
            await staff.GetByLabel("Password").FillAsync(tenant.OwnerPassword);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(staff).ToHaveURLAsync(new Regex("/admin$"), AfterPost);
            await Assertions.Expect(staff.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" })).ToBeVisibleAsync();

            // New tenants don't offer autopay; staff switch it on.
            await staff.GotoAsync(site + "/admin/portal/settings");
            await Assertions.Expect(staff.GetByLabel("Enable auto-pay option")).Not.ToBeCheckedAsync();
            await staff.GetByLabel("Enable auto-pay option").CheckAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await Assertions.Expect(staff.GetByText("Portal settings saved.")).ToBeVisibleAsync();
            await Assertions.Expect(staff.GetByLabel("Enable auto-pay option")).ToBeCheckedAsync();

            await staff.GotoAsync(site + "/admin/customers?q=Quintero");
            await staff.GetByRole(AriaRole.Link, new() { Name = "Marisol Quintero" }).ClickAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "Send portal registration link" }).ClickAsync();
            await Assertions.Expect(staff.GetByText($"Portal registration link sent to {email}.")).ToBeVisibleAsync();
        });

        // Only the path is taken from the email: its link may name the tenant's public address, not this test server.
        var activation = site + new Uri(await ActivationLinkAsync(email)).PathAndQuery;
        await server.Browser.RunPageAsync(async customer =>
        {
            await customer.GotoAsync(activation);
            await customer.GetByLabel("New password", new() { Exact = true }).FillAsync(Password);
            await customer.GetByLabel("Type it again", new() { Exact = true }).FillAsync(Password);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Activate account" }).ClickAsync();
            await Assertions.Expect(customer).ToHaveURLAsync(site + "/", AfterPost);
            await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

            await customer.GotoAsync(site + "/payments");
            await Assertions.Expect(customer.Locator(".autopay-summary")).ToContainTextAsync("Off.");

            // The Sandbox's declining test card is refused when saved, so nothing is kept.
            await customer.GotoAsync(site + "/pay/methods");
            await customer.GetByRole(AriaRole.Link, new() { Name = "Add a card or bank account" }).ClickAsync();
            await SaveCardAsync(customer, "4000 0000 0000 0002");
            await Assertions.Expect(customer.Locator("#add-method-error")).ToContainTextAsync("declined");
            await customer.GotoAsync(site + "/pay/methods");
            await Assertions.Expect(customer.GetByText("You have no saved payment methods.")).ToBeVisibleAsync();

            await customer.GetByRole(AriaRole.Link, new() { Name = "Add a card or bank account" }).ClickAsync();
            await SaveCardAsync(customer, "4242 4242 4242 4242");
            await Assertions.Expect(customer.Locator(Notice)).ToHaveTextAsync("Your payment method was saved.");
            await Assertions.Expect(customer.Locator(".saved-method-label")).ToContainTextAsync("4242");

            await customer.GetByRole(AriaRole.Link, new() { Name = "Automatic payments" }).ClickAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Automatic payments are off" })).ToBeVisibleAsync();
            await Assertions.Expect(customer.GetByRole(AriaRole.Radio, new() { Name = "4242" })).ToBeCheckedAsync();

            // Without the ticked authorisation nothing changes.
            await customer.GetByRole(AriaRole.Button, new() { Name = "Turn on automatic payments" }).ClickAsync();
            await Assertions.Expect(customer.Locator("#autopay-consent-error")).ToContainTextAsync("Tick the box to authorise automatic payments.");
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Automatic payments are off" })).ToBeVisibleAsync();

            await customer.GetByRole(AriaRole.Checkbox, new() { Name = "I authorise Hollybrook Gardens to charge the payment method I selected" }).CheckAsync();
            await customer.GetByRole(AriaRole.Button, new() { Name = "Turn on automatic payments" }).ClickAsync();
            await Assertions.Expect(customer.Locator(Notice)).ToContainTextAsync("Automatic payments are on.");
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Automatic payments are on" })).ToBeVisibleAsync();
            // The brand and last four, however the label joins them ("Visa •••• 4242").
            await Assertions.Expect(customer.Locator(".autopay-status")).ToContainTextAsync(new Regex(@"Visa\b.*4242"));

            await customer.GotoAsync(site + "/payments");
            await Assertions.Expect(customer.Locator(".autopay-summary")).ToContainTextAsync(new Regex(@"On: Visa\b.*4242"));
        });

        var number = await IssueInvoiceDueTodayAsync(tenant.Name, customerId);
        var first = await RunAutopayAsync(tenant);
        var second = await RunAutopayAsync(tenant);
        Assert.True(first.Count(AutopayOutcome.Paid) == 1, $"The first run should charge the due invoice; it did: {first}");
        Assert.True(second.Outcomes.Count == 0, $"The second run should find nothing left to charge; it did: {second}");

        var receipts = await server.Mail.WaitForMailAsync(m => m.IsFor(email) && m.Subject.Contains("paid automatically", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        // One receipt was queued (maildev alone could not tell a late second copy from none).
        var queued = await server.App.InTenantScopeAsync(tenant.Name, sp => sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.To == email).Select(m => m.Subject).ToListAsync());
        Assert.Single(queued, subject => subject.Contains("paid automatically", StringComparison.Ordinal));
        var receipt = Assert.Single(receipts);
        Assert.Equal($"Receipt: {Amount} paid automatically to Hollybrook Gardens", receipt.Subject);
        Assert.Contains($"Invoice {number}: {Amount}", receipt.Html ?? "", StringComparison.Ordinal);
        var receiptPath = Regex.Match(receipt.Html ?? "", @"/pay/receipt/[A-Za-z0-9_\-]+").Value;
        Assert.False(receiptPath.Length == 0, "The auto-charge receipt has no \"View your receipt\" link.");

        await server.Browser.RunPageAsync(async customer =>
        {
            await customer.GotoAsync(site + "/sign-in");
            await customer.GetByLabel("Email or account number").FillAsync(email);
            await customer.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(customer).ToHaveURLAsync(site + "/", AfterPost);
            await Assertions.Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

            // The email's "View your receipt" link (its path: the email names the tenant's public address).
            await customer.GotoAsync(site + receiptPath);
            await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Payment received" })).ToBeVisibleAsync();
            await Assertions.Expect(customer.Locator(".receipt-amount")).ToHaveTextAsync(Amount);

            await customer.GotoAsync(site + "/invoices");
            await Assertions.Expect(customer.Locator("#account-balance")).ToHaveTextAsync("$0.00");
            await Assertions.Expect(customer.Locator(".invoices-open")).ToHaveCountAsync(0);
            var paid = customer.Locator(".invoices-closed tbody tr", new() { HasText = number });
            await Assertions.Expect(paid).ToContainTextAsync("Paid");

            await customer.GotoAsync(site + "/history");
            await Assertions.Expect(customer.Locator("tr.history-payment")).ToHaveCountAsync(1);
            await Assertions.Expect(customer.Locator("tr.history-payment")).ToContainTextAsync(Amount.TrimStart('$'));

            await customer.GotoAsync(site + "/pay/autopay");
            var recent = customer.Locator(".autopay-recent tbody tr", new() { HasText = number });
            await Assertions.Expect(recent).ToContainTextAsync("Paid");
            await Assertions.Expect(recent).ToContainTextAsync(Amount);
        });
    }

    private static async Task SaveCardAsync(IPage page, string number)
    {
        await page.GetByLabel("Card number").FillAsync(number);
        await page.GetByLabel("Expiry month (MM)").FillAsync("12");
        await page.GetByLabel("Expiry year (YY)").FillAsync((DateTime.UtcNow.Year + 2 - 2000).ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Security code").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save payment method" }).ClickAsync();
    }

    // Staff issue an invoice due today in the tenant's time zone (the service their invoice page calls).
    private Task<string> IssueInvoiceDueTodayAsync(string tenantName, long customerId) =>
        server.App.InTenantScopeAsync(tenantName, async sp =>
        {
            var invoices = sp.GetRequiredService<InvoiceService>();
            var today = TenantDate.Today;
            var draft = await invoices.CreateAsync(new DocumentDraft
            {
                CustomerId = customerId,
                IssueDate = today,
                EndDate = today,
                Lines = [new LineDraft { Description = "Monthly lawn care", Quantity = 1, UnitPrice = InvoicePrice }],
            }, CancellationToken.None);
            Assert.True(draft.Succeeded);
            Assert.True((await invoices.IssueAsync(draft.Id, CancellationToken.None)).Succeeded);
            return (await invoices.GetAsync(draft.Id, CancellationToken.None))!.Number;
        });

    // One run of the autopay job for this tenant, as the background loop (switched off in this fixture) would do it.
    private async Task<AutopaySummary> RunAutopayAsync(TenantHandle tenant)
    {
        var record = await server.App.Services.GetRequiredService<TenantRegistry>().FindByHostAsync(tenant.Host, CancellationToken.None);
        Assert.NotNull(record);
        return await server.App.Services.GetRequiredService<AutopayJob>().RunTenantAsync(record, CancellationToken.None);
    }

    private async Task<string> ActivationLinkAsync(string email)
    {
        var pattern = new Regex(@"https?://[^\s""<>/]+/activate/[A-Za-z0-9_\-]+");
        var mails = await server.Mail.WaitForMailAsync(m => m.IsFor(email) && pattern.IsMatch(m.Text ?? ""), TimeSpan.FromSeconds(60));
        return pattern.Match(Assert.Single(mails).Text!).Value;
    }
}
