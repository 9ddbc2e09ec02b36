using System.Net;
using System.Text.RegularExpressions;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.SavedMethods;

/// <summary>Saving a card without paying (a setup), from the saved methods page.</summary>
public sealed partial class AddMethodTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task A_test_card_is_saved_without_a_charge_and_a_declining_one_is_refused()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());

        var saved = await AddAsync(payer, Payer.Card("5555 5555 5555 4444"));
        var declined = await AddAsync(payer, Payer.Card("4000 0000 0000 0002"));
        var list = WebUtility.HtmlDecode(await payer.Browser.GetStringAsync("/pay/methods"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Your payment method was saved.", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Contains("add-method-error", await declined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Mastercard •••• 4444", list, StringComparison.Ordinal);
        Assert.DoesNotContain("•••• 0002", list, StringComparison.Ordinal);
        Assert.Equal(0, await payer.PaymentCountAsync());
        Assert.Equal(18_500, await payer.BalanceAsync());
    }

    [Fact]
    public async Task With_stripe_the_payment_element_makes_the_method_and_the_setup_saves_it_at_the_gateway()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var payer = await Payer.CreateAsync(app, stripe.Tenant);
        var page = await payer.Browser.GetStringAsync("/pay/methods/add");

        var saved = await payer.Browser.PostFormWithTokenAsync("/pay/methods/add", [new("token", Token().Match(page).Groups[1].Value), new("method", "card"), new("payment_method_id", "pm_card_visa")], FormPosting.AntiforgeryToken(page));

        Assert.Contains("id=\"payment-element\"", page, StringComparison.Ordinal);
        Assert.Contains("data-mode=\"setup\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"card_number\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Visa •••• 4242", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, app.Stripe.Account(stripe.SecretKey).SuccessfulChargeCount);
    }

    [Fact]
    public async Task The_pay_page_loads_stripe_js_with_the_publishable_key_only_when_the_gateway_is_stripe()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var stripePayer = await Payer.CreateAsync(app, stripe.Tenant);
        var sandboxPayer = await Payer.CreateAsync(app, await app.CreateTenantAsync());

        var stripePage = await stripePayer.Browser.GetAsync($"/pay?invoice={stripePayer.InvoiceIds[0]}");
        var sandboxPage = await sandboxPayer.Browser.GetAsync($"/pay?invoice={sandboxPayer.InvoiceIds[0]}");
        var withStripe = await stripePage.Content.ReadAsStringAsync();
        var withSandbox = await sandboxPage.Content.ReadAsStringAsync();

        Assert.Matches("id=\"payment-element\" data-publishable-key=\"pk_test_[0-9a-f]{32}\"", withStripe);
        Assert.Contains("https://js.stripe.com/v3", withStripe, StringComparison.Ordinal);
        Assert.Contains("/_content/OrchardPortal.Payments/stripe-pay.js", withStripe, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"card_number\"", withStripe, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test_", withStripe, StringComparison.Ordinal);
        Assert.DoesNotContain("payment-element", withSandbox, StringComparison.Ordinal);
        Assert.DoesNotContain("js.stripe.com", withSandbox, StringComparison.Ordinal);
        Assert.Contains("name=\"card_number\"", withSandbox, StringComparison.Ordinal);
        // Stripe.js, its frames and its API are allowed by the page's policy only where they are used.
        Assert.Contains("script-src 'self' https://js.stripe.com", stripePage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("stripe.com", sandboxPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var script = await sandboxPayer.Browser.GetAsync("/_content/OrchardPortal.Payments/stripe-pay.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("createPaymentMethod", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> AddAsync(Payer payer, IEnumerable<KeyValuePair<string, string>> card)
    {
        var page = await payer.Browser.GetStringAsync("/pay/methods/add");
        return await payer.Browser.PostFormWithTokenAsync("/pay/methods/add", [new("token", Token().Match(page).Groups[1].Value), .. card], FormPosting.AntiforgeryToken(page));
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Token();
}
