using System.Net;
using System.Text.RegularExpressions;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.PayInvoices;

/// <summary>The customer's saved payment methods page (/pay/methods) on the Sandbox.</summary>
public sealed class SavedMethodsTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task A_card_saved_while_paying_is_listed_can_be_made_default_and_removed()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());
        await payer.PayAsync([payer.InvoiceIds[0]], "125.00", [.. Payer.Card("4242424242424242"), new("save_method", "true")]);
        await payer.PayAsync([payer.InvoiceIds[1]], "60.00", [.. Payer.Card("5555555555554444"), new("save_method", "true")]);

        var listed = await payer.Browser.GetStringAsync("/pay/methods");
        Assert.Contains("Visa •••• 4242", listed, StringComparison.Ordinal);
        Assert.Contains("Mastercard •••• 4444", listed, StringComparison.Ordinal);

        var mastercard = MethodId(listed, "Mastercard");
        var madeDefault = await payer.Browser.PostFormAsync("/pay/methods", [new("method", mastercard), new("change", "default")]);
        Assert.Contains("Mastercard •••• 4444 is now your default payment method.", await madeDefault.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var removed = await payer.Browser.PostFormAsync("/pay/methods", [new("method", MethodId(listed, "Visa")), new("change", "remove")]);
        var after = await removed.Content.ReadAsStringAsync();
        Assert.Contains("Visa •••• 4242 was removed.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("saved-method-label\">Visa", after, StringComparison.Ordinal);
        Assert.Contains("saved-method-label\">Mastercard", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_saved_method_cannot_be_removed()
    {
        var tenant = await app.CreateTenantAsync();
        var payer = await Payer.CreateAsync(app, tenant, "pat");
        var other = await Payer.CreateAsync(app, tenant, "sam");
        await other.PayAsync([other.InvoiceIds[0]], "125.00", [.. Payer.Card("4242424242424242"), new("save_method", "true")]);
        var theirs = MethodId(await other.Browser.GetStringAsync("/pay/methods"), "Visa");

        var response = await payer.Browser.PostFormAsync("/pay/methods", [new("method", theirs), new("change", "remove")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Visa •••• 4242", await other.Browser.GetStringAsync("/pay/methods"), StringComparison.Ordinal);
    }

    private static string MethodId(string html, string brand)
    {
        var item = Regex.Match(html, $"saved-method-label\">{brand}.*?name=\"method\" value=\"([^\"]+)\"", RegexOptions.Singleline);
        Assert.True(item.Success, $"No saved {brand} on the page.");
        return item.Groups[1].Value;
    }
}
