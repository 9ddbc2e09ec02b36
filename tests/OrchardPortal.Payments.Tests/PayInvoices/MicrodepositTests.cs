using System.Net;
using System.Text.RegularExpressions;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.PayInvoices;

/// <summary>An ACH payment that Stripe (the fake) holds until the customer confirms the micro-deposits.</summary>
public sealed partial class MicrodepositTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task Wrong_deposit_amounts_are_refused_with_a_message_and_the_right_ones_carry_on_the_payment()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var payer = await Payer.CreateAsync(app, stripe.Tenant);
        var asked = await payer.PayAsync([payer.InvoiceIds[0]], "125.00", [new("method", "bank"), new("payment_method_id", "pm_usBankAccount_microdeposits")]);
        var html = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Verify your bank account", html, StringComparison.Ordinal);
        var verifyUrl = VerifyAction().Match(html).Groups[1].Value;
        var antiforgery = FormPosting.AntiforgeryToken(html);

        var wrong = await payer.Browser.PostFormWithTokenAsync(verifyUrl, [new("amount_1", "10"), new("amount_2", "11")], antiforgery);
        var notAmounts = await payer.Browser.PostFormWithTokenAsync(verifyUrl, [new("amount_1", "ten"), new("amount_2", "")], antiforgery);
        var right = await payer.Browser.PostFormWithTokenAsync(verifyUrl, [new("amount_1", "0.32"), new("amount_2", "45")], antiforgery);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("don’t match the deposits", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAmounts.StatusCode);
        Assert.Contains("Enter both deposit amounts", WebUtility.HtmlDecode(await notAmounts.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var receipt = await payer.Browser.GetStringAsync(right.Headers.Location!.OriginalString);
        Assert.Contains("Payment processing", receipt, StringComparison.Ordinal);
        Assert.Equal(18_500, await payer.BalanceAsync());
    }

    [Fact]
    public async Task The_descriptor_code_verifies_and_a_malformed_one_is_refused()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var payer = await Payer.CreateAsync(app, stripe.Tenant);
        var asked = await payer.PayAsync([payer.InvoiceIds[1]], "60.00", [new("method", "bank"), new("payment_method_id", "pm_usBankAccount_microdeposits")]);
        var html = await asked.Content.ReadAsStringAsync();
        var verifyUrl = VerifyAction().Match(html).Groups[1].Value;
        var antiforgery = FormPosting.AntiforgeryToken(html);

        var malformed = await payer.Browser.PostFormWithTokenAsync(verifyUrl, [new("descriptor_code", "AB12")], antiforgery);
        var right = await payer.Browser.PostFormWithTokenAsync(verifyUrl, [new("descriptor_code", "sm11aa")], antiforgery);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.Contains("starts with SM", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [GeneratedRegex("action=\"(/pay/verify/pa_[0-9a-f]+)\"")]
    private static partial Regex VerifyAction();
}
