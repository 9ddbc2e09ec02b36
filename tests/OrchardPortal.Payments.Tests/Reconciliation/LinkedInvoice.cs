using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Tests.InvoiceLinks;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Reconciliation;

/// <summary>
/// A tenant whose owner connected Stripe (the fake) in the admin, a customer with one 25.00 invoice that staff
/// emailed from its page, and the link from that email.
/// </summary>
public sealed record LinkedInvoice(LinkPaymentsApp Fixture, TenantHandle Tenant, string SecretKey, string WebhookSecret, long CustomerId, long InvoiceId, string Link)
{
    public static async Task<LinkedInvoice> CreateAsync(LinkPaymentsApp fixture)
    {
        var app = fixture.App;
        var tenant = await app.CreateTenantAsync();
        var staff = app.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)])).StatusCode);
        var key = "sk_test_" + Guid.NewGuid().ToString("N");
        var webhookSecret = "whsec_" + Guid.NewGuid().ToString("N");
        var connected = await staff.PostFormAsync("/admin/payments",
        [
            new("Input.Gateway", "Stripe"),
            new("Input.SecretKey", key),
            new("Input.PublishableKey", "pk_test_" + Guid.NewGuid().ToString("N")),
            new("Input.WebhookSecret", webhookSecret),
            new("Input.MinimumPayment", "1.00"),
            new("Input.AutopayRetryIntervalDays", "3"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);

        var email = $"rec-{Guid.NewGuid():N}"[..16] + "@example.com";
        var (customerId, invoiceId, number) = await app.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var customer = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails
            {
                FirstName = "Robin",
                LastName = "Hale",
                Emails = [new EmailDetails { Address = email, IsPrimary = true }],
            }, CancellationToken.None);
            Assert.True(customer.Succeeded, string.Join("; ", customer.Errors.Values));
            var invoices = sp.GetRequiredService<InvoiceService>();
            var today = TenantDate.Today;
            var draft = await invoices.CreateAsync(new DocumentDraft
            {
                CustomerId = customer.CustomerId,
                IssueDate = today,
                EndDate = today.AddDays(14),
                Lines = [new LineDraft { Description = "Hedge trimming", Quantity = 1, UnitPrice = 2_500 }],
            }, CancellationToken.None);
            Assert.True((await invoices.IssueAsync(draft.Id, CancellationToken.None)).Succeeded);
            return (customer.CustomerId, draft.Id, (await invoices.GetAsync(draft.Id, CancellationToken.None))!.Number);
        });

        Assert.Equal(HttpStatusCode.Redirect, (await InvoiceLinkMail.SendAsync(staff, invoiceId)).StatusCode);
        var link = await InvoiceLinkMail.LinkAsync(fixture.Mail, email, number);
        return new LinkedInvoice(fixture, tenant, key, webhookSecret, customerId, invoiceId, link);
    }

    /// <summary>Opens the link page in <paramref name="browser"/> and returns the fields of a Pay Now with the card Stripe.js would have made.</summary>
    public async Task<(List<KeyValuePair<string, string>> Fields, string? Antiforgery)> PayFormAsync(HttpClient browser, string amount = "25.00", string paymentMethod = "pm_card_visa")
    {
        var html = await browser.GetStringAsync(Link);
        return (InvoiceLinkMail.FormOf(html, amount, [new("method", "card"), new("payment_method_id", paymentMethod)]), FormPosting.AntiforgeryToken(html));
    }

    public Task<(int Payments, long Balance)> LedgerAsync() =>
        Fixture.App.InTenantScopeAsync(Tenant.Name, async sp =>
        {
            var ledger = sp.GetRequiredService<BillingLedger>();
            return ((await ledger.PaymentsAsync(CustomerId, CancellationToken.None)).Count, await ledger.GetBalanceAsync(CustomerId, CancellationToken.None));
        });
}
