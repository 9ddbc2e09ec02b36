using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Portal.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Autopay.Infrastructure;

/// <summary>A tenant whose owner connected Stripe (the fake) and chose whether customers may turn on autopay.</summary>
public sealed record AutopayTenant(AutopayApp App, TenantHandle Tenant, string SecretKey)
{
    public const int RetryDays = 3;

    public static async Task<AutopayTenant> CreateAsync(AutopayApp app, bool offerAutopay = true)
    {
        var tenant = await app.CreateTenantAsync();
        var key = "sk_test_" + Guid.NewGuid().ToString("N");
        var owner = await SignInAsync(app, tenant);
        var response = await owner.PostFormAsync("/admin/payments",
        [
            new("Input.Gateway", "Stripe"),
            new("Input.SecretKey", key),
            new("Input.PublishableKey", "pk_test_" + Guid.NewGuid().ToString("N")),
            new("Input.MinimumPayment", "1.00"),
            new("Input.AutopayRetryIntervalDays", RetryDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stripeTenant = new AutopayTenant(app, tenant, key);
        await stripeTenant.OfferAutopayAsync(offerAutopay);
        return stripeTenant;
    }

    /// <summary>Portal settings' "Enable auto-pay option", as staff set it.</summary>
    public Task OfferAutopayAsync(bool offer) =>
        App.InTenantAsync(Tenant, async sp =>
        {
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            settings.EnableAutoPay = offer;
            if (settings.NotificationEmails.Count == 0)
            {
                settings.NotificationEmails = [Tenant.OwnerEmail];
            }

            Assert.Empty(await service.SaveAsync(settings, CancellationToken.None));
            return true;
        });

    /// <summary>A client signed in as the tenant's owner.</summary>
    public Task<HttpClient> OwnerAsync() => SignInAsync(App, Tenant);

    /// <summary>Charges that moved money on the fake Stripe account, per invoice id (from the PaymentIntent's metadata).</summary>
    public IReadOnlyDictionary<string, int> SucceededChargesPerInvoice()
    {
        var account = App.Stripe.Account(SecretKey);
        var invoiceOf = account.PaymentIntents().ToDictionary(p => p.Id, p => p.Metadata.GetValueOrDefault("invoice_id") ?? "(none)");
        return account.Charges().Where(c => c.Status == "succeeded")
            .GroupBy(c => invoiceOf.GetValueOrDefault(c.PaymentIntentId) ?? "(none)")
            .ToDictionary(g => g.Key, g => g.Count());
    }

    public Task<AutopaySummaryView> RunJobAsync(IServiceProvider? node = null) => RunAsync(node);

    private async Task<AutopaySummaryView> RunAsync(IServiceProvider? node) => new(await App.RunJobAsync(Tenant, node));

    private static async Task<HttpClient> SignInAsync(AutopayApp app, TenantHandle tenant)
    {
        var client = app.CreateClient(tenant.Host);
        var response = await client.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>A run's outcome counts, readable in assertions.</summary>
public sealed record AutopaySummaryView(OrchardPortal.Payments.Autopay.Job.AutopaySummary Summary)
{
    public int Paid => Summary.Count(OrchardPortal.Payments.Autopay.Job.AutopayOutcome.Paid);

    public int Failed => Summary.Count(OrchardPortal.Payments.Autopay.Job.AutopayOutcome.Failed);

    public int Total => Summary.Outcomes.Values.Sum();

    public override string ToString() => Summary.ToString();
}
