using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Portal.Models;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Tests.Infrastructure;
using static OrchardPortal.ServiceRequests.Tests.Infrastructure.ServiceRequestsApp;

namespace OrchardPortal.ServiceRequests.Tests;

/// <summary>Every portal URL is the signed-in customer's own, on their own tenant, with the tab switched on; anything else is the themed 404.</summary>
public sealed class AccessTests(SqliteServiceRequestsApp host) : IClassFixture<SqliteServiceRequestsApp>
{
    [Fact]
    public async Task Another_customers_request_and_photo_are_not_found()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        var (requestUrl, photoUrl) = await SendWithPhotoAsync(casey);

        Assert.Equal(HttpStatusCode.NotFound, (await dana.Browser.GetAsync(requestUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dana.Browser.GetAsync(photoUrl)).StatusCode);
        Assert.Empty(await RequestLinksAsync(dana.Browser));
        Assert.Equal(HttpStatusCode.OK, (await casey.Browser.GetAsync(requestUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await casey.Browser.GetAsync(photoUrl)).StatusCode);
    }

    [Fact]
    public async Task A_photo_id_of_another_request_is_not_found_even_for_its_owner()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var (firstUrl, _) = await SendWithPhotoAsync(casey);
        var (_, secondPhoto) = await SendWithPhotoAsync(casey);
        var photoId = secondPhoto[(secondPhoto.LastIndexOf('/') + 1)..];

        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync($"{firstUrl}/photos/{photoId}")).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_request_is_not_found_on_this_tenant()
    {
        var (first, _, _) = await host.NewTenantAsync();
        var (second, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(first, "Casey");
        var erin = await host.SignedInCustomerAsync(second, "Erin");
        var (requestUrl, photoUrl) = await SendWithPhotoAsync(casey);

        Assert.Equal(HttpStatusCode.NotFound, (await erin.Browser.GetAsync(requestUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erin.Browser.GetAsync(photoUrl)).StatusCode);
    }

    [Fact]
    public async Task Staff_of_another_tenant_cannot_open_the_request()
    {
        var (first, _, _) = await host.NewTenantAsync();
        var (_, otherStaff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(first);
        var (requestUrl, _) = await SendWithPhotoAsync(casey);
        var id = requestUrl[(requestUrl.LastIndexOf('/') + 1)..];

        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync($"/admin/service-requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task With_the_tabs_switched_off_their_pages_and_forms_do_not_exist()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var (requestUrl, photoUrl) = await SendWithPhotoAsync(casey);
        await host.SetPortalSettingsAsync(tenant, s => s.EnabledTabs.RemoveAll(t => t == PortalTabs.RequestService.Key || t == PortalTabs.ServiceNotes.Key));

        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync("/request-service")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync(requestUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.GetAsync("/service-notes")).StatusCode);
        using var form = new MultipartFormDataContent { { new StringContent("other"), "Service" } };
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.PostAsync("/request-service", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await casey.Browser.PostAsync("/service-notes", new FormUrlEncodedContent([new("Body", "Hi")]))).StatusCode);
        Assert.Equal(1, await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceRequest>().CountAsync()));
        Assert.Equal(0, await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceNote>().CountAsync()));
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_nothing_is_saved()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var visitor = host.App.CreateClient(tenant.Host);

        var post = await visitor.PostAsync("/service-notes", new FormUrlEncodedContent([new("Body", "Gate code 1234")]));
        var detail = await visitor.GetAsync("/request-service/1");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/sign-in", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, detail.StatusCode);
        Assert.Equal(0, await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceNote>().CountAsync()));
    }

    private static async Task<(string RequestUrl, string PhotoUrl)> SendWithPhotoAsync(SignedInCustomer customer)
    {
        var before = await RequestLinksAsync(customer.Browser);
        var service = (await ServicesOfferedAsync(customer.Browser)).Keys.First();
        var sent = await SendRequestAsync(customer.Browser, RequestFields(customer, service), new Photo("yard.png", TestPhotos.Png()));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var requestUrl = (await RequestLinksAsync(customer.Browser)).Except(before).Single();
        var html = await customer.Browser.GetStringAsync(requestUrl);
        var photoUrl = System.Text.RegularExpressions.Regex.Match(html, @"src=""(/request-service/\d+/photos/\d+)""").Groups[1].Value;
        Assert.NotEmpty(photoUrl);
        return (requestUrl, photoUrl);
    }
}
