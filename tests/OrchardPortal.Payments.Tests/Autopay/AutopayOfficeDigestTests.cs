using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Settings;
using OrchardPortal.Customers.Services;
using OrchardPortal.Payments.Autopay.Models;
using OrchardPortal.Payments.Tests.Autopay.Infrastructure;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Tests.Autopay;

/// <summary>The office hears about an autopay run's failed charges in one email per run, sent to the tenant's notification addresses.</summary>
public sealed class AutopayOfficeDigestTests(SqliteAutopayApp app) : IClassFixture<SqliteAutopayApp>
{
    private const string SubjectStart = "Automatic payments:";

    private static readonly TimeZoneInfo TenantZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public async Task A_run_with_two_declines_sends_one_email_to_each_notification_address_listing_both_with_their_reasons_and_retry_dates()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var office = await NotifyAsync(shop, 2);
        var declined = await AutopayCustomer.CreateAsync(shop, 1);
        await declined.SubmitAutopayAsync(await declined.AttachCardAsync("pm_card_chargeCustomerFail"));
        var broke = await AutopayCustomer.CreateAsync(shop);
        await broke.AddInvoiceAsync(1, 6_250);
        await broke.SubmitAutopayAsync(await broke.AttachCardAsync("pm_card_chargeDeclinedInsufficientFunds"));
        foreach (var payer in new[] { await AutopayCustomer.CreateAsync(shop, 1), await AutopayCustomer.CreateAsync(shop, 1) })
        {
            await payer.SubmitAutopayAsync(await payer.SaveCardAsync());
        }

        app.Clock.Advance(TimeSpan.FromDays(1));

        var run = await shop.RunJobAsync();

        Assert.Equal((2, 2), (run.Failed, run.Paid));
        var charges = await ChargesAsync(shop);
        var failed = charges.Where(c => c.Status == AutopayChargeStatus.Retrying).ToList();
        Assert.Equal(2, failed.Count);
        Assert.NotEqual(failed[0].LastMessage, failed[1].LastMessage);
        foreach (var to in office)
        {
            var digest = Assert.Single(await DigestsAsync(shop, to));
            Assert.Equal("Automatic payments: 2 failed", digest.Subject);
            foreach (var charge in failed)
            {
                Assert.Contains($"invoice {charge.InvoiceNumber}, ", digest.TextBody, StringComparison.Ordinal);
                Assert.Contains(charge.LastMessage!, digest.TextBody, StringComparison.Ordinal);
                Assert.Contains($"Will retry on {TenantDay(charge.NextAttemptUtc)}.", digest.TextBody, StringComparison.Ordinal);
            }

            Assert.All(charges.Where(c => c.Status == AutopayChargeStatus.Paid), paid => Assert.DoesNotContain($"invoice {paid.InvoiceNumber}, ", digest.TextBody, StringComparison.Ordinal));
            Assert.Contains($"(account {await AccountNumberAsync(shop, broke)}), invoice {InvoiceOf(failed, broke)}, $62.50:", digest.TextBody, StringComparison.Ordinal);
            Assert.Contains($"(account {await AccountNumberAsync(shop, declined)}), invoice {InvoiceOf(failed, declined)}, $45.00:", digest.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_office_email_arrives_in_the_tenants_branding_with_a_button_that_opens_the_admin_autopay_page()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var office = Assert.Single(await NotifyAsync(shop, 1));
        var customer = await AutopayCustomer.CreateAsync(shop, 1);
        await customer.SubmitAutopayAsync(await customer.AttachCardAsync("pm_card_chargeCustomerFail"));
        app.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, (await shop.RunJobAsync()).Failed);

        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(office), TimeSpan.FromSeconds(30)));
        Assert.Equal("Automatic payments: 1 failed", mail.Subject);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.Html!);
        Assert.Contains($"Green Acres {shop.Tenant.Name}", html.Body!.TextContent, StringComparison.Ordinal);
        var invoice = Assert.Single(await ChargesAsync(shop)).InvoiceNumber;
        Assert.Contains(html.QuerySelectorAll("td"), td => td.TextContent.Trim() == invoice);
        var button = Assert.Single(html.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Open Autopay");
        Assert.Contains("background:#2f6b3a", button.GetAttribute("style"), StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(button.GetAttribute("href"), UriKind.Absolute, out var link), $"The link '{button.GetAttribute("href")}' is not absolute.");
        Assert.Equal((shop.Tenant.Host, "/admin/autopay"), (link.Host, link.AbsolutePath));
        var owner = await shop.OwnerAsync();
        var page = await owner.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(invoice, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_where_every_charge_is_paid_sends_the_office_nothing()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var office = Assert.Single(await NotifyAsync(shop, 1));
        foreach (var payer in new[] { await AutopayCustomer.CreateAsync(shop, 1), await AutopayCustomer.CreateAsync(shop, 1) })
        {
            await payer.SubmitAutopayAsync(await payer.SaveCardAsync());
        }

        app.Clock.Advance(TimeSpan.FromDays(1));

        var run = await shop.RunJobAsync();

        Assert.Equal((0, 2), (run.Failed, run.Paid));
        Assert.Empty(await DigestsAsync(shop, office));
        Assert.Empty(await DigestsAsync(shop, to: null));
    }

    [Fact]
    public async Task Each_later_run_sends_a_new_email_listing_only_its_own_failures_and_the_last_try_says_stopped()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        var office = Assert.Single(await NotifyAsync(shop, 1));
        var first = await AutopayCustomer.CreateAsync(shop, 1);
        await first.SubmitAutopayAsync(await first.AttachCardAsync("pm_card_chargeCustomerFail"));
        var second = await AutopayCustomer.CreateAsync(shop, 2);
        await second.SubmitAutopayAsync(await second.AttachCardAsync("pm_card_chargeDeclinedInsufficientFunds"));

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await shop.RunJobAsync()).Failed);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await shop.RunJobAsync()).Failed);
        app.Clock.Advance(TimeSpan.FromDays(AutopayTenant.RetryDays + 1));
        Assert.Equal(2, (await shop.RunJobAsync()).Failed);
        app.Clock.Advance(TimeSpan.FromDays(AutopayTenant.RetryDays + 1));
        Assert.Equal(2, (await shop.RunJobAsync()).Failed);

        var charges = await ChargesAsync(shop);
        var (firstInvoice, secondInvoice) = ($"invoice {InvoiceOf(charges, first)}, ", $"invoice {InvoiceOf(charges, second)}, ");
        var digests = await DigestsAsync(shop, office);
        Assert.Equal(["Automatic payments: 1 failed", "Automatic payments: 1 failed", "Automatic payments: 2 failed", "Automatic payments: 2 failed"], digests.Select(d => d.Subject));
        Assert.Contains(firstInvoice, digests[0].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(secondInvoice, digests[0].TextBody, StringComparison.Ordinal);
        // The second run failed only the second customer's charge; the first one's, waiting for its retry, is not repeated.
        Assert.Contains(secondInvoice, digests[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(firstInvoice, digests[1].TextBody, StringComparison.Ordinal);
        Assert.Equal(2, CountOf("Will retry on ", digests[2].TextBody));
        Assert.Equal(2, CountOf("Stopped after 3 tries.", digests[3].TextBody));
        Assert.DoesNotContain("Will retry", digests[3].TextBody, StringComparison.Ordinal);
        Assert.All(charges, c => Assert.Equal((AutopayChargeStatus.Failed, 3), (c.Status, c.Attempts)));
    }

    [Fact]
    public async Task Without_notification_addresses_a_run_with_failures_still_completes_and_emails_the_customer()
    {
        var shop = await AutopayTenant.CreateAsync(app);
        // A tenant whose portal settings predate notification addresses (the settings page no longer lets staff empty the list).
        await app.InTenantAsync(shop.Tenant, async sp =>
        {
            var settings = await sp.GetRequiredService<PortalSettingsService>().GetAsync(CancellationToken.None);
            settings.NotificationEmails = [];
            await sp.GetRequiredService<SiteSettingsService>().SaveAsync(PortalSettings.SettingsName, settings, CancellationToken.None);
            return true;
        });
        var customer = await AutopayCustomer.CreateAsync(shop, 1);
        await customer.SubmitAutopayAsync(await customer.AttachCardAsync("pm_card_chargeCustomerFail"));
        app.Clock.Advance(TimeSpan.FromDays(1));

        var run = await shop.RunJobAsync();

        Assert.Equal(1, run.Failed);
        Assert.Empty(await DigestsAsync(shop, to: null));
        Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(customer.Email) && m.Subject.Contains("didn't go through", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
    }

    /// <summary>Staff set <paramref name="count"/> new notification addresses in Portal settings.</summary>
    private Task<string[]> NotifyAsync(AutopayTenant shop, int count) =>
        app.InTenantAsync(shop.Tenant, async sp =>
        {
            var addresses = Enumerable.Range(0, count).Select(i => $"office{i}-{Guid.NewGuid():N}"[..16] + "@example.com").ToArray();
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            settings.NotificationEmails = [.. addresses];
            Assert.Empty(await service.SaveAsync(settings, CancellationToken.None));
            return addresses;
        });

    /// <summary>The office emails the tenant queued (to <paramref name="to"/>, or to anyone), oldest first.</summary>
    private Task<List<OutboxMessage>> DigestsAsync(AutopayTenant shop, string? to) =>
        app.InTenantAsync(shop.Tenant, async sp =>
            (await sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Subject.StartsWith(SubjectStart)).ToListAsync())
                .Where(m => to is null || m.To == to).OrderBy(m => m.CreatedUtc).ToList());

    private Task<List<AutopayCharge>> ChargesAsync(AutopayTenant shop) =>
        app.InTenantAsync(shop.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<AutopayCharge>().AsNoTracking().ToListAsync());

    private Task<string> AccountNumberAsync(AutopayTenant shop, AutopayCustomer customer) =>
        app.InTenantAsync(shop.Tenant, async sp => (await sp.GetRequiredService<CustomerService>().GetAsync(customer.CustomerId, CancellationToken.None))!.AccountNumber);

    private static string InvoiceOf(IEnumerable<AutopayCharge> charges, AutopayCustomer customer) => charges.Single(c => c.CustomerId == customer.CustomerId).InvoiceNumber;

    private static string TenantDay(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TenantZone).ToString("D", CultureInfo.GetCultureInfo("en-US"));

    private static int CountOf(string text, string body) => (body.Length - body.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}
