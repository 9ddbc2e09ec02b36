using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests.Infrastructure;

/// <summary>A customer who has been invited and has activated their account, with the browser they used.</summary>
public sealed record ActivatedUser(TenantHandle Tenant, long CustomerId, string Email, string Password, HttpClient Browser);

/// <summary>Multi-step journeys several tests start from.</summary>
public static class Journeys
{
    /// <summary>Staff create a customer and invite them; the customer follows the emailed link and sets a password.</summary>
    public static async Task<ActivatedUser> ActivatedUserAsync(this PortalUsersApp app, TenantHandle tenant, string who = "casey", string? account = null)
    {
        var email = PortalClient.UniqueEmail(who);
        var customerId = await app.CreateCustomerAsync(tenant, "Casey", "Brookfield", email, account);
        var invited = await app.InviteAsync(tenant, customerId);
        Assert.True(invited.Succeeded, invited.Error);
        var link = await app.Mail.LinkAsync(email, "/activate/");
        var browser = app.CreateClient(tenant.Host);
        var response = await browser.SetPasswordAsync(link, PortalClient.StrongPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new ActivatedUser(tenant, customerId, email, PortalClient.StrongPassword, browser);
    }
}
