using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Portal.Models;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests;

/// <summary>The customer's Invoices, Estimates and History tabs, signed in through the real portal sign-in.</summary>
public sealed class PortalBillingTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    [Fact]
    public async Task The_invoices_tab_shows_the_balance_and_each_invoice_opens_with_its_lines()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var me = await app.SignedInCustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, me.Customer.Id, 4500, 2550);

        var tab = await me.Browser.PageAsync("/invoices");
        var invoice = await me.Browser.PageAsync("/invoices/" + id);

        Assert.Equal("$70.50", tab.TextOf("account-balance"));
        Assert.Single(tab.QuerySelectorAll("table.invoices-open tbody tr"));
        Assert.Equal(("$70.50", "Open"), (invoice.TextOf("invoice-balance"), invoice.TextOf("invoice-status")));
        Assert.Equal(2, invoice.QuerySelectorAll("table.invoice-lines tbody tr").Length);
    }

    [Fact]
    public async Task Another_customers_invoice_or_estimate_is_not_found_and_shows_nothing_of_theirs()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        await app.SetPortalSettingsAsync(tenant, s => s.EnabledTabs.Add(PortalTabs.Estimates.Key));
        var me = await app.SignedInCustomerAsync(tenant);
        var neighbour = await app.CustomerAsync(tenant, "Desmond", "Achterberg");
        var theirs = await app.IssuedInvoiceAsync(tenant, neighbour.Id, 98765);
        var estimate = await staff.PostFormAsync(BillingPaths.NewEstimate, InvoiceAdminTests.Form(neighbour.AccountNumber, ("Patio", "1", "4321.00", "")));
        var estimateId = estimate.Headers.Location!.OriginalString.Split('/').Last();

        var invoice = await me.Browser.GetAsync("/invoices/" + theirs);
        var quote = await me.Browser.GetAsync("/estimates/" + estimateId);
        var decide = await me.Browser.PostFormAsync("/estimates", [new("decision", "approve"), new("signed_name", "Casey Brookfield")], "/estimates/" + estimateId);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (invoice.StatusCode, quote.StatusCode, decide.StatusCode));
        Assert.DoesNotContain("987.65", await invoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_pages_ask_a_visitor_to_sign_in_and_a_hidden_tab_hides_them()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var me = await app.SignedInCustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, me.Customer.Id, 4500);
        var visitor = app.App.CreateClient(tenant.Host);

        var anonymous = await visitor.PageAsync("/invoices/" + id);
        await app.SetPortalSettingsAsync(tenant, s => s.EnabledTabs.Remove(PortalTabs.Invoices.Key));
        var hidden = await me.Browser.GetAsync("/invoices/" + id);

        Assert.NotNull(anonymous.GetElementById("sign-in-title"));
        Assert.DoesNotContain("$45.00", anonymous.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_customer_approves_an_estimate_by_typing_their_name()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        await app.SetPortalSettingsAsync(tenant, s => s.EnabledTabs.Add(PortalTabs.Estimates.Key));
        var me = await app.SignedInCustomerAsync(tenant);
        var created = await staff.PostFormAsync(BillingPaths.NewEstimate, InvoiceAdminTests.Form(me.Customer.AccountNumber, ("Spring aeration", "1", "120.00", ""))
            .With("Input.IssueDate", Today(0)).With("Input.EndDate", Today(30)));
        var url = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(url, [], url + "?handler=Send")).StatusCode);
        var portalUrl = "/estimates/" + url.Split('/').Last();

        var unsigned = await me.Browser.PostFormAsync(portalUrl, [new("decision", "approve"), new("signed_name", "")]);
        var signed = await me.Browser.PostFormAsync(portalUrl, [new("decision", "approve"), new("signed_name", "Casey Brookfield")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsigned.StatusCode);
        Assert.Equal("Type your full name to approve.", (await unsigned.DocumentAsync()).Alert());
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var page = await me.Browser.PageAsync(portalUrl);
        Assert.Equal("Approved", page.TextOf("estimate-status"));
        var estimate = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<EstimateService>().GetAsync(long.Parse(url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
        Assert.Equal((EstimateStatus.Approved, "Casey Brookfield"), (estimate!.Status, estimate.SignedName));
        Assert.NotNull(estimate.DecidedUtc);
    }

    [Fact]
    public async Task History_shows_charges_and_payments_only_when_the_settings_allow()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var me = await app.SignedInCustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, me.Customer.Id, 4500);
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(me.Customer.Id, 4500, "h"), CancellationToken.None));

        async Task<string[]> KindsAsync() =>
            [.. (await me.Browser.PageAsync("/history")).QuerySelectorAll("table.history tbody tr").Select(r => r.ClassName!)];

        Assert.Equal(["history-payment", "history-charge"], await KindsAsync());
        await app.SetPortalSettingsAsync(tenant, s => s.ShowPaymentsInHistory = false);
        Assert.Equal(["history-charge"], await KindsAsync());
        await app.SetPortalSettingsAsync(tenant, s => (s.ShowPaymentsInHistory, s.ShowChargesInHistory) = (true, false));
        Assert.Equal(["history-payment"], await KindsAsync());
    }

    [Fact]
    public async Task The_customer_reads_and_downloads_their_statement()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var me = await app.SignedInCustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, me.Customer.Id, 4500);

        var page = await me.Browser.PageAsync("/statement");
        var pdf = await me.Browser.GetAsync("/statement.pdf");

        Assert.Equal(("$0.00", "$45.00"), (page.TextOf("statement-opening"), page.TextOf("statement-closing")));
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
    }

    private static string Today(int days) => TenantDate.Today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
