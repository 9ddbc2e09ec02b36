using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Infrastructure;

/// <summary>A customer with two open invoices (125.00 and 60.00) who activated their portal account, with the browser they use.</summary>
public sealed partial record Payer(PaymentsApp App, TenantHandle Tenant, long CustomerId, string Email, IReadOnlyList<long> InvoiceIds, HttpClient Browser)
{
    public const string Password = "Hedgerow-Lantern-48";

    /// <summary>Staff add the customer and invoices; the customer follows the emailed activation link and sets a password.</summary>
    public static async Task<Payer> CreateAsync(PaymentsApp app, TenantHandle tenant, string who = "pat")
    {
        var email = $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)] + "@example.com";
        var (customerId, invoices) = await app.InTenantAsync(tenant, async sp =>
        {
            var created = await sp.GetRequiredService<CustomerService>().CreateAsync(new CustomerDetails
            {
                FirstName = "Pat",
                LastName = "Doe",
                Emails = [new EmailDetails { Address = email, IsPrimary = true }],
                Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = "12 Elm Row", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
            }, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Values));
            var service = sp.GetRequiredService<InvoiceService>();
            var ids = new List<long>();
            foreach (var (price, days) in new[] { (12_500L, 10), (6_000L, 20) })
            {
                var today = TenantDate.Today;
                var draft = await service.CreateAsync(new DocumentDraft
                {
                    CustomerId = created.CustomerId,
                    IssueDate = today,
                    EndDate = today.AddDays(days),
                    Lines = [new LineDraft { Description = "Weekly mowing", Quantity = 1, UnitPrice = price }],
                }, CancellationToken.None);
                Assert.True(draft.Succeeded, string.Join("; ", draft.Errors.Values));
                Assert.True((await service.IssueAsync(draft.Id, CancellationToken.None)).Succeeded);
                ids.Add(draft.Id);
            }

            var invited = await sp.GetRequiredService<PortalInvitationService>().InviteCustomerAsync(created.CustomerId, CancellationToken.None);
            Assert.True(invited.Succeeded, invited.Error);
            return (created.CustomerId, ids);
        });

        var browser = app.CreateClient(tenant.Host);
        var activation = await ActivationLinkAsync(app, email);
        var response = await browser.PostFormAsync(activation, [new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Payer(app, tenant, customerId, email, invoices, browser);
    }

    /// <summary>What the ledger says the customer owes now.</summary>
    public Task<long> BalanceAsync() =>
        App.InTenantAsync(Tenant, sp => sp.GetRequiredService<BillingLedger>().GetBalanceAsync(CustomerId, CancellationToken.None));

    public Task<int> PaymentCountAsync() =>
        App.InTenantAsync(Tenant, async sp => (await sp.GetRequiredService<BillingLedger>().PaymentsAsync(CustomerId, CancellationToken.None)).Count);

    /// <summary>Opens the Pay page for some invoices and submits it as the customer would; returns the response.</summary>
    public async Task<HttpResponseMessage> PayAsync(IEnumerable<long> invoices, string amount, IEnumerable<KeyValuePair<string, string>> method)
    {
        var query = string.Join('&', invoices.Select(i => "invoice=" + i));
        var page = await Browser.GetAsync("/pay?" + query);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await Browser.PostFormWithTokenAsync("/pay", FormOf(await page.Content.ReadAsStringAsync(), amount, method), FormPosting.AntiforgeryToken(await page.Content.ReadAsStringAsync()));
    }

    /// <summary>The Pay form's hidden fields (token, invoices) plus the amount and method fields.</summary>
    public static List<KeyValuePair<string, string>> FormOf(string html, string amount, IEnumerable<KeyValuePair<string, string>> method)
    {
        var fields = new List<KeyValuePair<string, string>> { new("token", TokenPattern().Match(html).Groups[1].Value), new("amount", amount) };
        fields.AddRange(InvoicePattern().Matches(html).Select(m => new KeyValuePair<string, string>("invoice", m.Groups[1].Value)));
        fields.AddRange(method);
        return fields;
    }

    public static KeyValuePair<string, string>[] Card(string number) =>
        [new("method", "card"), new("card_number", number), new("exp_month", "12"), new("exp_year", (DateTime.UtcNow.Year + 2 - 2000).ToString(System.Globalization.CultureInfo.InvariantCulture)), new("cvc", "123")];

    private static async Task<string> ActivationLinkAsync(PaymentsApp app, string email)
    {
        var received = await app.Mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30));
        var message = received[0];
        var link = LinkPattern().Matches((message.Text ?? "") + " " + (message.Html ?? ""))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(p => p.StartsWith("/activate/", StringComparison.Ordinal));
        Assert.True(link is not null, "The invitation has no activation link.");
        return link!;
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"invoice\" value=\"([0-9]+)\"")]
    private static partial Regex InvoicePattern();

    [GeneratedRegex("https?://[^/\\s\"]+(/[^\\s\"<]*)")]
    private static partial Regex LinkPattern();
}
