using System.Net;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.Portal.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardPortal.Portal.Tests.Admin;

public sealed class PortalSettingsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Page = "/admin/portal/settings";

    private static List<KeyValuePair<string, string>> Form(string emails, params string[] tabs)
    {
        var fields = tabs.Select(t => new KeyValuePair<string, string>("Input.EnabledTabs", t)).ToList();
        fields.Add(new("Input.EnableLogins", "true"));
        fields.Add(new("Input.ShowChargesInHistory", "true"));
        fields.Add(new("Input.NotificationEmails", emails));
        return fields;
    }

    [Fact]
    public async Task The_settings_page_shows_the_recipe_defaults()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var (status, page) = await owner.GetPageAsync(Page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Portal settings</h1>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" id=\"tab-invoices\"[^>]*checked", page);
        Assert.DoesNotMatch("<input type=\"checkbox\" id=\"tab-estimates\"[^>]*checked", page);
        Assert.Contains(tenant.OwnerEmail, page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"EnableAutoPay\">Enable auto-pay option</label>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_a_tab_removes_it_from_the_navigation_and_its_address_answers_404()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);
        var customer = portal.CreateCustomerClient(tenant.Host, "cust-7");
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/invoices")).StatusCode);

        var saved = await owner.PostFormAsync(Page, Form("office@example.com", "home", "payments", "history", "messages"));
        var (homeStatus, home) = await customer.GetPageAsync("/");
        var (invoicesStatus, invoices) = await customer.GetPageAsync("/invoices");
        var (messagesStatus, _) = await customer.GetPageAsync("/messages");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, homeStatus);
        Assert.Equal(["Home", "Payments", "History", "Messages"], Html.NavigationTabs(home));
        Assert.Equal(HttpStatusCode.NotFound, invoicesStatus);
        Assert.Contains("Page not found", invoices, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, messagesStatus);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient(tenant.Host).GetAsync("/invoices")).StatusCode);
        Assert.Contains("Portal settings saved", (await owner.GetPageAsync(Page)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_staff_email_is_named_and_nothing_is_saved()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var response = await owner.PostFormAsync(Page, Form("office@example.com\nnot-an-email", "home"));
        var page = await response.TextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“not-an-email” is not an email address.", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        var stored = await portal.InTenantScopeAsync(tenant, sp => sp.GetRequiredService<PortalSettingsService>().GetAsync(CancellationToken.None));
        Assert.Equal(PortalTabs.DefaultEnabled, stored.EnabledTabs);
        Assert.Equal([tenant.OwnerEmail], stored.NotificationEmails);
    }

    [Fact]
    public async Task At_least_one_staff_email_and_one_tab_are_required()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        var noEmail = await (await owner.PostFormAsync(Page, Form("  ", "home"))).TextAsync();
        var noTabs = await (await owner.PostFormAsync(Page, Form("office@example.com"))).TextAsync();

        Assert.Contains("Enter at least one staff email address", noEmail, StringComparison.Ordinal);
        Assert.Contains("Turn on at least one tab", noTabs, StringComparison.Ordinal);
        Assert.Equal(["Home", "Payments", "Invoices", "History"], Html.NavigationTabs((await portal.CreateClient(tenant.Host).GetPageAsync("/")).Body));
    }

    [Fact]
    public async Task Several_staff_emails_are_saved_normalised_and_without_duplicates()
    {
        var tenant = await portal.CreateTenantAsync();
        var owner = await portal.SignInOwnerAsync(tenant);

        await owner.PostFormAsync(Page, Form("Office@Example.com, crew@example.com\noffice@example.com", "home"));

        var stored = await portal.InTenantScopeAsync(tenant, sp => sp.GetRequiredService<PortalSettingsService>().GetAsync(CancellationToken.None));
        Assert.Equal(["office@example.com", "crew@example.com"], stored.NotificationEmails);
        Assert.False(stored.EnableAutoPay);
        Assert.True(stored.EnableLogins);
    }

    [Fact]
    public async Task Portal_settings_need_a_signed_in_staff_member()
    {
        var tenant = await portal.CreateTenantAsync();

        var response = await portal.CreateClient(tenant.Host).GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
