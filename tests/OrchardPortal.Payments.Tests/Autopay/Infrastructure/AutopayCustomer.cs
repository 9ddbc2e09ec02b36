using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.PayInvoices;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Autopay.Infrastructure;

/// <summary>
/// A customer with open invoices (issued today on the test clock, due in the given numbers of days) who activated
/// their portal account, with the browser they use.
/// </summary>
public sealed partial record AutopayCustomer(AutopayTenant Shop, long CustomerId, string Email, IReadOnlyList<long> InvoiceIds, HttpClient Browser)
{
    public const string Password = "Hedgerow-Lantern-48";

    private AutopayApp App => Shop.App;

    public static async Task<AutopayCustomer> CreateAsync(AutopayTenant shop, params int[] dueInDays)
    {
        var app = shop.App;
        var email = $"ap-{Guid.NewGuid():N}"[..15] + "@example.com";
        var (customerId, invoices) = await app.InTenantAsync(shop.Tenant, async sp =>
        {
            var created = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails
            {
                FirstName = "Avery",
                LastName = "Moss",
                Emails = [new EmailDetails { Address = email, IsPrimary = true }],
                Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = "7 Orchard Way", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
            }, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Values));
            var ids = new List<long>();
            foreach (var days in dueInDays)
            {
                ids.Add(await IssueAsync(sp, created.CustomerId, app.Clock.Today, days, 4_500 + (ids.Count * 100)));
            }

            var invited = await sp.GetRequiredService<PortalInvitationService>().InviteCustomerAsync(created.CustomerId, CancellationToken.None);
            Assert.True(invited.Succeeded, invited.Error);
            return (created.CustomerId, ids);
        });

        var browser = app.CreateClient(shop.Tenant.Host);
        var activation = await ActivationLinkAsync(app, email);
        var response = await browser.PostFormAsync(activation, [new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new AutopayCustomer(shop, customerId, email, invoices, browser);
    }

    /// <summary>Staff issue another invoice for this customer, due in <paramref name="days"/> days.</summary>
    public Task<long> AddInvoiceAsync(int days, long amount) =>
        App.InTenantAsync(Shop.Tenant, sp => IssueAsync(sp, CustomerId, App.Clock.Today, days, amount));

    /// <summary>
    /// The customer saves a card at Stripe, as Stripe.js does in the browser by confirming a SetupIntent with a test
    /// method (here through the tenant's gateway). Returns the saved method's id.
    /// </summary>
    public Task<string> SaveCardAsync(string testMethod = "pm_card_visa") =>
        App.InTenantAsync(Shop.Tenant, async sp =>
        {
            var gateway = await sp.GetRequiredService<PaymentGatewayResolver>().GetAsync(CancellationToken.None);
            var customerRef = await sp.GetRequiredService<PayService>().GatewayCustomerAsync(gateway, CustomerId, CancellationToken.None);
            var setup = await gateway.CreateSetupAsync(new SetupRequest(customerRef, PaymentMethodKind.Card, "setup:" + Guid.NewGuid().ToString("N"), testMethod), CancellationToken.None);
            Assert.True(setup.Succeeded, setup.FailureMessage);
            return setup.PaymentMethodId!;
        });

    /// <summary>
    /// A card attached to the customer at Stripe directly (<c>POST /v1/payment_methods/{id}/attach</c>), for test cards
    /// that attach but decline every charge, which a SetupIntent would refuse. Returns the attached method's id.
    /// </summary>
    public async Task<string> AttachCardAsync(string testMethod)
    {
        var customerRef = await App.InTenantAsync(Shop.Tenant, async sp =>
        {
            var gateway = await sp.GetRequiredService<PaymentGatewayResolver>().GetAsync(CancellationToken.None);
            return await sp.GetRequiredService<PayService>().GatewayCustomerAsync(gateway, CustomerId, CancellationToken.None);
        });
        using var stripe = App.Stripe.CreateClient(Shop.SecretKey);
        using var response = await stripe.PostAsync($"v1/payment_methods/{testMethod}/attach", new FormUrlEncodedContent([new("customer", customerRef)]));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Opens the autopay page and submits it as the customer would.</summary>
    public async Task<HttpResponseMessage> SubmitAutopayAsync(string? methodId, bool consent = true, string change = "on")
    {
        var fields = new List<KeyValuePair<string, string>> { new("change", change) };
        if (methodId is not null)
        {
            fields.Add(new("method", methodId));
        }

        if (consent)
        {
            fields.Add(new("consent", "yes"));
        }

        return await Browser.PostFormAsync("/pay/autopay", fields);
    }

    public static async Task<string> PageAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>What the ledger says the customer owes now, and how many payments it holds.</summary>
    public Task<(long Balance, int Payments)> LedgerAsync() =>
        App.InTenantAsync(Shop.Tenant, async sp =>
        {
            var ledger = sp.GetRequiredService<BillingLedger>();
            return (await ledger.GetBalanceAsync(CustomerId, CancellationToken.None), (await ledger.PaymentsAsync(CustomerId, CancellationToken.None)).Count);
        });

    private static async Task<long> IssueAsync(IServiceProvider sp, long customerId, DateOnly today, int days, long amount)
    {
        var service = sp.GetRequiredService<InvoiceService>();
        var draft = await service.CreateAsync(new DocumentDraft
        {
            CustomerId = customerId,
            IssueDate = today,
            EndDate = today.AddDays(days),
            Lines = [new LineDraft { Description = "Monthly lawn care", Quantity = 1, UnitPrice = amount }],
        }, CancellationToken.None);
        Assert.True(draft.Succeeded, string.Join("; ", draft.Errors.Values));
        Assert.True((await service.IssueAsync(draft.Id, CancellationToken.None)).Succeeded);
        return draft.Id;
    }

    private static async Task<string> ActivationLinkAsync(AutopayApp app, string email)
    {
        var received = await app.Mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30));
        var link = LinkPattern().Matches((received[0].Text ?? "") + " " + (received[0].Html ?? ""))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(p => p.StartsWith("/activate/", StringComparison.Ordinal));
        Assert.True(link is not null, "The invitation has no activation link.");
        return link!;
    }

    [GeneratedRegex("https?://[^/\\s\"]+(/[^\\s\"<]*)")]
    private static partial Regex LinkPattern();
}
