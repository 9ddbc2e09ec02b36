using System.Net;
using System.Text;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests;

public sealed class StatementTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    [Fact]
    public async Task A_statement_opens_with_the_balance_before_the_range_and_closes_with_the_balance_at_its_end()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var today = TenantDate.Today;
        await app.IssuedInvoiceAsync(tenant, customer.Id, 10000);
        // A payment dated well before the range counts in the opening balance; one inside it is listed.
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 3000, "old") with { ReceivedDate = today.AddDays(-40) }, CancellationToken.None));
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 2500, "new") with { ReceivedDate = today, Method = PaymentMethodKind.Cash }, CancellationToken.None));
        var from = today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await staff.PageAsync($"{BillingPaths.Account(customer.Id)}?from={from}&to={to}");

        // Opening: −30.00 (the early payment); then the invoice +100.00 and the cash −25.00.
        Assert.Equal(("-$30.00", "$45.00", "$45.00"), (page.TextOf("opening"), page.TextOf("closing"), page.TextOf("balance")));
        Assert.Equal(2, page.QuerySelectorAll("#statement tbody tr").Length - 2);
    }

    [Fact]
    public async Task The_statement_downloads_as_a_pdf()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 10000);

        var response = await staff.GetAsync(BillingPaths.StatementPdf(customer.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains(customer.AccountNumber, response.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversed_range_is_a_message_not_an_error()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);

        var page = await staff.PageAsync($"{BillingPaths.Account(customer.Id)}?from=2026-05-10&to=2026-05-01");
        var garbage = await staff.GetAsync($"{BillingPaths.Account(customer.Id)}?from=yesterday&to=%00");

        Assert.Equal("The start date must be on or before the end date.", page.TextOf("range-error"));
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
    }

    [Fact]
    public async Task The_customer_page_shows_the_balance_and_links_to_the_account()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 12345);

        var page = await staff.PageAsync("/admin/customers/" + customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("$123.45", page.TextOf("customer-balance"));
        Assert.NotNull(page.QuerySelector($"a[href='{BillingPaths.Account(customer.Id)}']"));
    }

    [Fact]
    public async Task An_offline_payment_can_be_refunded_in_part_from_its_page()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var paid = await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 5000, "cash") with { Method = PaymentMethodKind.Cash }, CancellationToken.None));
        var url = BillingPaths.Payment(customer.Id, paid.Payment!.Id);

        var tooMuch = await staff.PostFormAsync(url, [new("Amount", "80.00"), new("Reason", ""), new("Key", "k-" + Guid.NewGuid())]);
        var part = await staff.PostFormAsync(url, [new("Amount", "20.00"), new("Reason", "Missed a visit"), new("Key", "k-" + Guid.NewGuid())]);

        Assert.Equal("You can refund at most $50.00 of this payment.", (await tooMuch.DocumentAsync()).FieldError("amount"));
        Assert.Equal(HttpStatusCode.Redirect, part.StatusCode);
        Assert.Equal("$20.00", (await staff.PageAsync(url)).TextOf("refunded"));
        Assert.Equal(2000, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customer.Id, CancellationToken.None)));
    }
}
