using System.Net;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests;

/// <summary>The staff and portal paths that matter most, on PostgreSQL (schema per tenant).</summary>
public sealed class PostgresBillingTests(PostgresBillingApp app) : IClassFixture<PostgresBillingApp>
{
    [Fact]
    public async Task A_new_invoice_gets_its_totals_from_the_server_and_stays_in_its_tenant()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var (_, otherStaff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);

        var response = await staff.PostFormAsync(BillingPaths.NewInvoice, InvoiceAdminTests.Form(customer.AccountNumber,
            ("Weekly mowing", "4", "45.00", "8.25"),
            ("Hedge trimming (hours)", "1.5", "45.50", "")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        var page = await staff.PageAsync(url);
        Assert.Equal(("$248.25", "$14.85", "$263.10"), (page.TextOf("subtotal"), page.TextOf("tax"), page.TextOf("total")));
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_customer_sees_only_their_own_invoices_in_the_portal()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var me = await app.SignedInCustomerAsync(tenant);
        var neighbour = await app.CustomerAsync(tenant, "Desmond", "Achterberg");
        var mine = await app.IssuedInvoiceAsync(tenant, me.Customer.Id, 4500);
        var theirs = await app.IssuedInvoiceAsync(tenant, neighbour.Id, 9900);

        Assert.Equal("$45.00", (await me.Browser.PageAsync("/invoices/" + mine)).TextOf("invoice-balance"));
        Assert.Equal(HttpStatusCode.NotFound, (await me.Browser.GetAsync("/invoices/" + theirs)).StatusCode);
    }
}
