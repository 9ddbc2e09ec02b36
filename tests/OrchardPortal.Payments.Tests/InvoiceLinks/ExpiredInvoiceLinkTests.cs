using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.InvoiceLinks;

/// <summary>A host whose invoice links expire the moment they are made (<c>Payments:InvoiceLinks:Lifetime</c> = 0), to see what an expired link does.</summary>
public sealed class ExpiredLinksApp : IAsyncLifetime
{
    public PortalApp App { get; private set; } = null!;

    public MailDevServer Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        App = PortalApp.CreateSqlite(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
            ["Payments:InvoiceLinks:Lifetime"] = "00:00:00",
        });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ExpiredInvoiceLinkTests(ExpiredLinksApp fixture) : IClassFixture<ExpiredLinksApp>
{
    [Fact]
    public async Task An_expired_link_shows_the_expired_page_and_takes_no_payment()
    {
        var app = fixture.App;
        var tenant = await app.CreateTenantAsync();
        var email = $"exp-{Guid.NewGuid():N}"[..16] + "@example.com";
        var invoiceId = await app.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var customer = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails
            {
                FirstName = "Ada",
                LastName = "Late",
                Emails = [new EmailDetails { Address = email, IsPrimary = true }],
            }, CancellationToken.None);
            var invoices = sp.GetRequiredService<InvoiceService>();
            var today = TenantDate.Today;
            var draft = await invoices.CreateAsync(new DocumentDraft
            {
                CustomerId = customer.CustomerId,
                IssueDate = today,
                EndDate = today.AddDays(10),
                Lines = [new LineDraft { Description = "Leaf clean-up", Quantity = 1, UnitPrice = 9_000 }],
            }, CancellationToken.None);
            Assert.True((await invoices.IssueAsync(draft.Id, CancellationToken.None)).Succeeded);
            return draft.Id;
        });
        var number = await app.InTenantScopeAsync(tenant.Name, async sp => (await sp.GetRequiredService<InvoiceService>().GetAsync(invoiceId, CancellationToken.None))!.Number);
        var staff = app.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await InvoiceLinkMail.SendAsync(staff, invoiceId)).StatusCode);
        var link = await InvoiceLinkMail.LinkAsync(fixture.Mail, email, number);
        var visitor = app.CreateClient(tenant.Host);

        var page = await visitor.GetAsync(link);
        var posted = await visitor.PostFormWithTokenAsync(link, [new("token", "0123456789abcdef0123456789abcdef"), new("amount", "90.00"), .. Payer.Card("4242424242424242")], null);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal(0, await app.InTenantScopeAsync(tenant.Name, sp => sp.GetRequiredService<TenantDbContext>().Set<SandboxPayment>().CountAsync()));
    }
}
