using System.Globalization;
using System.Net;
using OrchardPortal.ServiceRequests.Tests.Infrastructure;
using OrchardPortal.Web.Testing;
using static OrchardPortal.ServiceRequests.Tests.Infrastructure.ServiceRequestsApp;

namespace OrchardPortal.ServiceRequests.Tests;

/// <summary>The same tables and rules on PostgreSQL (a schema per tenant).</summary>
public sealed class PostgresServiceRequestsTests(PostgresServiceRequestsApp host) : IClassFixture<PostgresServiceRequestsApp>
{
    [Fact]
    public async Task On_postgres_a_request_with_a_photo_is_updated_by_staff_and_hidden_from_another_customer()
    {
        var (tenant, staff, office) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.SignedInCustomerAsync(tenant, "Dana");
        var service = (await ServicesOfferedAsync(casey.Browser)).Keys.First();

        var sent = await SendRequestAsync(casey.Browser, RequestFields(casey, service), new Photo("yard.png", TestPhotos.Png()));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = Assert.Single(await RequestLinksAsync(casey.Browser));
        var id = link[(link.LastIndexOf('/') + 1)..];
        await host.Mail.WaitForMailAsync(m => m.IsFor(office), TimeSpan.FromSeconds(30));

        var changed = await staff.PostFormAsync($"/admin/service-requests/{id}", [new("NewStatus", "Scheduled"), new("Message", "See you Tuesday")], $"/admin/service-requests/{id}?handler=Status");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("See you Tuesday", await casey.Browser.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await dana.Browser.GetAsync(link)).StatusCode);
        Assert.Empty(await RequestLinksAsync(dana.Browser));
    }

    [Fact]
    public async Task On_postgres_a_note_is_answered_and_shown_on_the_customer_record()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var sent = await casey.Browser.PostFormAsync("/service-notes", [new("PropertyId", casey.PropertyId.ToString(CultureInfo.InvariantCulture)), new("Body", "New gate code 4512")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var inbox = await staff.GetStringAsync("/admin/service-notes");
        var noteId = System.Text.RegularExpressions.Regex.Match(inbox, @"data-note-id=""(\d+)""").Groups[1].Value;

        var answered = await staff.PostFormAsync($"/admin/service-notes/{noteId}", [new("Answer", "Got it, thanks")]);

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Got it, thanks", await casey.Browser.GetStringAsync("/service-notes"), StringComparison.Ordinal);
        Assert.Contains("New gate code 4512", await staff.GetStringAsync($"/admin/customers/{casey.Customer.Id}"), StringComparison.Ordinal);
    }
}
