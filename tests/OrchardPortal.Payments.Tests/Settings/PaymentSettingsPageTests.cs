using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Settings;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Settings;

/// <summary>/admin/payments as a tenant owner uses it.</summary>
public sealed class PaymentSettingsPageTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_new_tenant_takes_payments_in_the_sandbox()
    {
        var tenant = await app.CreateTenantAsync();

        var gateway = await app.InTenantAsync(tenant, async sp => await sp.GetRequiredService<PaymentGatewayResolver>().GetAsync(CancellationToken.None));

        Assert.Equal(GatewayKind.Sandbox, gateway.Kind);
        Assert.True(gateway.IsTestMode);
    }

    [Fact]
    public async Task Saved_stripe_keys_are_encrypted_never_shown_back_and_the_mode_and_webhook_url_are_shown()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var owner = await app.SignInAsync(stripe.Tenant);

        var html = await (await owner.GetAsync("/admin/payments")).Content.ReadAsStringAsync();
        var json = await app.InTenantAsync(stripe.Tenant, sp => sp.GetRequiredService<SiteSettingsService>().GetJsonAsync(PaymentSettings.DocumentName, CancellationToken.None));

        Assert.DoesNotContain(stripe.SecretKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(stripe.WebhookSecret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(stripe.SecretKey, json, StringComparison.Ordinal);
        Assert.DoesNotContain(stripe.WebhookSecret, json, StringComparison.Ordinal);
        var page = Parser.ParseDocument(html);
        Assert.Equal("Test", page.QuerySelector(".badge-test")?.TextContent.Trim());
        Assert.Equal($"http://{stripe.Tenant.Host}/payments/stripe/webhook", page.GetElementById("webhook-url")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_tenant_then_pays_through_stripe_in_test_mode()
    {
        var stripe = await StripeTenant.CreateAsync(app);

        var gateway = await app.InTenantAsync(stripe.Tenant, async sp => await sp.GetRequiredService<PaymentGatewayResolver>().GetAsync(CancellationToken.None));

        Assert.Equal((GatewayKind.Stripe, true), (gateway.Kind, gateway.IsTestMode));
    }

    [Fact]
    public async Task A_key_that_is_not_a_stripe_secret_key_is_refused_and_nothing_is_saved()
    {
        var tenant = await app.CreateTenantAsync();
        var owner = await app.SignInAsync(tenant);

        var response = await owner.PostFormAsync("/admin/payments",
        [
            new("Input.Gateway", "Stripe"),
            new("Input.SecretKey", "pk_test_oops_this_is_publishable"),
            new("Input.MinimumPayment", "1.00"),
            new("Input.AutopayRetryIntervalDays", "3"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("sk_test_", page.GetElementById("Input_SecretKey-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.GetElementById("Input_SecretKey")?.GetAttribute("value") ?? "");
        var saved = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PaymentSettingsService>().GetAsync(CancellationToken.None));
        Assert.Equal((GatewayKind.Sandbox, null), (saved.Gateway, saved.ProtectedSecretKey));
    }

    [Fact]
    public async Task Check_connection_reports_test_mode_when_stripe_accepts_the_key()
    {
        var stripe = await StripeTenant.CreateAsync(app);
        var owner = await app.SignInAsync(stripe.Tenant);

        var response = await owner.PostFormAsync("/admin/payments", [], postUrl: "/admin/payments?handler=Check");
        var page = Parser.ParseDocument(await (await owner.GetAsync(response.Headers.Location!.ToString())).Content.ReadAsStringAsync());

        Assert.Contains("Connected to Stripe (test mode)", page.QuerySelector(".notice-success")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_minimum_payment_and_retry_interval_are_saved_in_minor_units_and_days()
    {
        var tenant = await app.CreateTenantAsync();
        var owner = await app.SignInAsync(tenant);

        await owner.PostFormAsync("/admin/payments",
        [
            new("Input.Gateway", "Sandbox"),
            new("Input.MinimumPayment", "5.50"),
            new("Input.AutopayRetryIntervalDays", "7"),
        ]);

        var saved = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PaymentSettingsService>().GetAsync(CancellationToken.None));
        Assert.Equal((550, 7), (saved.MinimumPaymentAmount, saved.AutopayRetryIntervalDays));
    }
}
