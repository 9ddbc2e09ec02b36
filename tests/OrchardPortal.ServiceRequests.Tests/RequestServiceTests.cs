using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Tests.Infrastructure;
using static OrchardPortal.ServiceRequests.Tests.Infrastructure.ServiceRequestsApp;

namespace OrchardPortal.ServiceRequests.Tests;

/// <summary>A customer asks for service from the portal; every field is checked, and a refused form saves nothing.</summary>
public sealed class RequestServiceTests(SqliteServiceRequestsApp host) : IClassFixture<SqliteServiceRequestsApp>
{
    [Fact]
    public async Task A_new_tenant_offers_the_default_catalogue_and_something_else()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);

        var services = await ServicesOfferedAsync(casey.Browser);
        var page = await casey.Browser.GetStringAsync("/request-service");

        Assert.Equal(["Extra visit", "Estimate for new work", "Follow-up visit"], services.Values);
        Assert.Contains("Something else", page, StringComparison.Ordinal);
        Assert.Contains("quote needed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_a_photo_is_listed_for_the_customer_and_waits_as_new_in_the_staff_inbox()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var service = (await ServicesOfferedAsync(casey.Browser)).First(s => s.Value == "Extra visit").Key;

        var sent = await SendRequestAsync(casey.Browser, RequestFields(casey, service), new Photo("yard.png", TestPhotos.Png()));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/request-service?sent=1", sent.Headers.Location?.OriginalString);
        var tab = WebUtility.HtmlDecode(await casey.Browser.GetStringAsync("/request-service?sent=1"));
        Assert.Contains("your request was sent", tab, StringComparison.Ordinal);
        Assert.Contains("Received", tab, StringComparison.Ordinal);
        var link = Assert.Single(await RequestLinksAsync(casey.Browser));
        var detail = WebUtility.HtmlDecode(await casey.Browser.GetStringAsync(link));
        Assert.Contains("Extra visit", detail, StringComparison.Ordinal);
        Assert.Contains("Side gate is open.", detail, StringComparison.Ordinal);

        var inbox = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/service-requests"));
        Assert.Contains("Extra visit", inbox, StringComparison.Ordinal);
        Assert.Contains("Casey Brookfield", inbox, StringComparison.Ordinal);
        Assert.Contains(">1<span class=\"visually-hidden\"> new service requests</span>", await staff.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Single(host.FilesOnDisk(tenant));
    }

    [Fact]
    public async Task Something_else_without_a_description_is_refused_and_nothing_is_saved()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, "other"), new Photo("yard.png", TestPhotos.Png()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await TextAsync(response);
        Assert.Contains("Tell us what you need done.", text, StringComparison.Ordinal);
        Assert.Contains("Side gate is open.", text, StringComparison.Ordinal);
        await AssertNothingSavedAsync(tenant);
    }

    [Fact]
    public async Task Something_else_with_a_description_is_accepted()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, "other", ("Description", "Trim the hedge by the driveway")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Something else", WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/service-requests")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Service", "", "Choose the service you’d like")]
    [InlineData("Service", "999999", "That service isn’t offered any more")]
    [InlineData("PreferredFrom", "", "Choose the first day that suits you.")]
    [InlineData("PreferredFrom", "next tuesday", "Enter the first day that suits you as a date")]
    [InlineData("PreferredFrom", "2020-01-01", "That date has passed")]
    [InlineData("PreferredFrom", "2099-01-01", "within the next year")]
    [InlineData("PreferredTo", "2020-01-01", "That date has passed")]
    [InlineData("PreferredTime", "Midnight", "Choose any time, mornings or afternoons.")]
    [InlineData("PropertyId", "", "Choose the property this is for.")]
    [InlineData("PropertyId", "abc", "Choose one of your properties from the list.")]
    public async Task Each_field_is_checked_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var service = (await ServicesOfferedAsync(casey.Browser)).Keys.First();

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service, (field, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await TextAsync(response), StringComparison.Ordinal);
        await AssertNothingSavedAsync(tenant);
    }

    [Fact]
    public async Task The_last_day_before_the_first_day_is_refused()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var service = (await ServicesOfferedAsync(casey.Browser)).Keys.First();
        var from = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service, ("PreferredFrom", from), ("PreferredTo", to)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The last day that suits you must be on or after the first day.", await TextAsync(response), StringComparison.Ordinal);
        await AssertNothingSavedAsync(tenant);
    }

    [Fact]
    public async Task Notes_longer_than_the_limit_are_refused()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var service = (await ServicesOfferedAsync(casey.Browser)).Keys.First();

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service, ("Notes", new string('x', 2001))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Keep the notes to 2000 characters or fewer.", await TextAsync(response), StringComparison.Ordinal);
        await AssertNothingSavedAsync(tenant);
    }

    [Fact]
    public async Task Another_customers_property_is_refused()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.CustomerAsync(tenant, "Dana");
        var service = (await ServicesOfferedAsync(casey.Browser)).Keys.First();
        var danasProperty = dana.Addresses[0].Id.ToString(CultureInfo.InvariantCulture);

        var response = await SendRequestAsync(casey.Browser, RequestFields(casey, service, ("PropertyId", danasProperty)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose one of your properties from the list.", await TextAsync(response), StringComparison.Ordinal);
        await AssertNothingSavedAsync(tenant);
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_a_message()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        using var form = new MultipartFormDataContent { { new StringContent("other"), "Service" }, { new StringContent("Fix the fence"), "Description" } };

        var response = await casey.Browser.PostAsync("/request-service", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This page was open too long", await TextAsync(response), StringComparison.Ordinal);
        await AssertNothingSavedAsync(tenant);
    }

    private async Task AssertNothingSavedAsync(Web.Testing.TenantHandle tenant)
    {
        var count = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceRequest>().CountAsync());
        Assert.Equal(0, count);
        Assert.Empty(host.FilesOnDisk(tenant));
    }
}
