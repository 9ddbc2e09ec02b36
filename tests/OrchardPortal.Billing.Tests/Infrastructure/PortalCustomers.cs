using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.Models;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests.Infrastructure;

/// <summary>A customer signed in to the portal, the way a real one gets there: invited by staff, activated from the emailed link.</summary>
public sealed record PortalCustomer(Customer Customer, HttpClient Browser);

public static partial class PortalCustomers
{
    public const string Password = "Hedgerow-Lantern-48";

    public static async Task<PortalCustomer> SignedInCustomerAsync(this BillingApp app, TenantHandle tenant, string first = "Casey", string last = "Brookfield")
    {
        var customer = await app.CustomerAsync(tenant, first, last);
        var email = customer.PrimaryEmail!;
        var invited = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PortalInvitationService>().InviteCustomerAsync(customer.Id, CancellationToken.None));
        Assert.True(invited.Succeeded, invited.Error);
        var mail = await app.Mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30));
        var link = LinkPattern().Matches((mail[0].Text ?? "") + " " + (mail[0].Html ?? ""))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(p => p.StartsWith("/activate/", StringComparison.Ordinal));
        var browser = app.App.CreateClient(tenant.Host);
        var activated = await browser.PostFormAsync(link, [new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        return new PortalCustomer(customer, browser);
    }

    public static Task SetPortalSettingsAsync(this BillingApp app, TenantHandle tenant, Action<PortalSettings> change) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            if (settings.NotificationEmails.Count == 0)
            {
                settings.NotificationEmails = [tenant.OwnerEmail];
            }

            change(settings);
            Assert.Empty(await service.SaveAsync(settings, CancellationToken.None));
            return true;
        });

    [GeneratedRegex(@"https?://[^/\s""'<>]+(/[A-Za-z0-9/_\-]+)")]
    private static partial Regex LinkPattern();
}
