using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Autopay;

/// <summary>The customer's "Automatic payments" page: turning autopay on (saved method + consent), off, and what it refuses.</summary>
public sealed class AutopayOptInTests(SqliteAutopayApp app) : IClassFixture<SqliteAutopayApp>
{
    [Fact]
    public async Task Turning_autopay_on_needs_a_saved_method_and_the_ticked_consent_and_stores_the_consent()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 10);

        var page = await customer.Browser.GetStringAsync("/pay/autopay");
        Assert.Contains("You have no saved payment methods yet", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var noMethod = await customer.SubmitAutopayAsync("pm_made_up");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noMethod.StatusCode);
        Assert.Contains("Save a card or bank account first", await AutopayCustomer.PageAsync(noMethod), StringComparison.Ordinal);

        var card = await customer.SaveCardAsync();
        var noConsent = await customer.SubmitAutopayAsync(card, consent: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noConsent.StatusCode);
        Assert.Contains("Tick the box to authorise automatic payments.", await AutopayCustomer.PageAsync(noConsent), StringComparison.Ordinal);
        Assert.Equal(0, await ConsentCountAsync(shop, customer));
        Assert.False(await FlagAsync(shop, customer));

        var on = await customer.SubmitAutopayAsync(card);

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var html = await AutopayCustomer.PageAsync(on);
        Assert.Contains("Automatic payments are on. We’ll charge Visa •••• 4242", html, StringComparison.Ordinal);
        Assert.True(await FlagAsync(shop, customer));
        var consent = await app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayConsent>().SingleAsync(c => c.CustomerId == customer.CustomerId));
        Assert.Equal(card, consent.MethodId);
        Assert.Equal("Visa •••• 4242", consent.MethodLabel);
        Assert.StartsWith($"I authorise Green Acres {shop.Tenant.Name} to charge the payment method I selected above", consent.ConsentText, StringComparison.Ordinal);
        Assert.Contains(consent.ConsentText, html, StringComparison.Ordinal);
        Assert.Equal(customer.Email, consent.PortalUserEmail);
        Assert.NotNull(consent.PortalUserId);
        // The in-memory test server has no client address, so IpAddress is not asserted here.
        Assert.Null(consent.EndedUtc);
    }

    [Fact]
    public async Task Another_customers_saved_method_is_refused_and_nothing_is_stored()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 10);
        var neighbour = await AutopayCustomer.CreateAsync(shop, 10);
        await customer.SaveCardAsync();
        var theirs = await neighbour.SaveCardAsync("pm_card_mastercard");

        var response = await customer.SubmitAutopayAsync(theirs);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose one of your saved payment methods.", await AutopayCustomer.PageAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await ConsentCountAsync(shop, customer));
        Assert.False(await FlagAsync(shop, customer));
    }

    [Fact]
    public async Task Turning_autopay_off_ends_the_consent_and_nothing_is_charged_afterwards()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 2);
        Assert.Equal(HttpStatusCode.OK, (await customer.SubmitAutopayAsync(await customer.SaveCardAsync())).StatusCode);

        var off = await customer.SubmitAutopayAsync(null, consent: false, change: "off");

        Assert.Contains("Automatic payments are off.", await AutopayCustomer.PageAsync(off), StringComparison.Ordinal);
        Assert.False(await FlagAsync(shop, customer));
        var consent = await app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayConsent>().SingleAsync(c => c.CustomerId == customer.CustomerId));
        Assert.Equal("customer", consent.EndedBy);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await shop.RunJobAsync();
        Assert.Empty(app.Stripe.Account(shop.SecretKey).PaymentIntents());
        Assert.Equal(0, (await customer.LedgerAsync()).Payments);
    }

    [Fact]
    public async Task The_method_autopay_charges_cannot_be_removed_while_autopay_is_on()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 10);
        var card = await customer.SaveCardAsync();
        await customer.SubmitAutopayAsync(card);

        var response = await customer.Browser.PostFormAsync("/pay/methods", [new("method", card), new("change", "remove")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Visa •••• 4242 pays your invoices automatically, so it can’t be removed.", await AutopayCustomer.PageAsync(response), StringComparison.Ordinal);
        Assert.Contains("•••• 4242", WebUtility.HtmlDecode(await customer.Browser.GetStringAsync("/pay/methods")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_that_does_not_offer_autopay_has_no_autopay_page_and_its_job_charges_nothing()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 1);
        await customer.SubmitAutopayAsync(await customer.SaveCardAsync());

        await shop.OfferAutopayAsync(false);

        Assert.Equal(HttpStatusCode.NotFound, (await customer.Browser.GetAsync("/pay/autopay")).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var run = await shop.RunJobAsync();
        Assert.Equal(0, run.Total);
        Assert.Empty(app.Stripe.Account(shop.SecretKey).PaymentIntents());
    }

    [Fact]
    public async Task Staff_see_the_customers_autopay_on_their_page_and_can_turn_it_off()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 10);
        await customer.SubmitAutopayAsync(await customer.SaveCardAsync());
        var owner = await shop.OwnerAsync();

        var details = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/customers/{customer.CustomerId}"));
        Assert.Contains("<dd id=\"autopay-method\">Visa •••• 4242</dd>", details, StringComparison.Ordinal);
        Assert.Contains("by " + customer.Email, details, StringComparison.Ordinal);

        var response = await owner.PostFormAsync($"/admin/customers/{customer.CustomerId}", [new("customerId", customer.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "/admin/autopay?handler=TurnOff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await FlagAsync(shop, customer));
        var consent = await app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayConsent>().SingleAsync(c => c.CustomerId == customer.CustomerId));
        Assert.Equal("staff: " + shop.Tenant.OwnerEmail, consent.EndedBy);
        Assert.Contains("Off: invoices are not charged automatically.", WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/customers/{customer.CustomerId}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_American_Express_card_is_named_in_full_on_the_autopay_page_in_the_consent_and_for_staff()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var customer = await AutopayCustomer.CreateAsync(shop, 10);
        var card = await customer.SaveCardAsync("pm_card_amex");

        // Stripe reports the brand as the code "amex"; every autopay view names it as the card does.
        var offered = WebUtility.HtmlDecode(await customer.Browser.GetStringAsync("/pay/autopay"));
        Assert.Contains("American Express •••• 8431", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("Amex", offered, StringComparison.Ordinal);

        var on = await AutopayCustomer.PageAsync(await customer.SubmitAutopayAsync(card));

        Assert.Contains("We’ll charge American Express •••• 8431", on, StringComparison.Ordinal);
        Assert.DoesNotContain("Amex", on, StringComparison.Ordinal);
        var consent = await app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayConsent>().SingleAsync(c => c.CustomerId == customer.CustomerId));
        Assert.Equal("American Express •••• 8431", consent.MethodLabel);
        var owner = await shop.OwnerAsync();
        var details = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/customers/{customer.CustomerId}"));
        Assert.Contains("<dd id=\"autopay-method\">American Express •••• 8431</dd>", details, StringComparison.Ordinal);
    }

    private Task<int> ConsentCountAsync(AutopayTenant shop, AutopayCustomer customer) =>
        app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayConsent>().CountAsync(c => c.CustomerId == customer.CustomerId));

    private Task<bool> FlagAsync(AutopayTenant shop, AutopayCustomer customer) =>
        app.InTenantAsync(shop.Tenant, async sp => (await sp.GetRequiredService<CustomerService>().GetAsync(customer.CustomerId, CancellationToken.None))!.AutopayEnabled);
}
