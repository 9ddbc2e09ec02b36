using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Models;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Services;
using OrchardPortal.ServiceRequests.Tests.Infrastructure;
using OrchardPortal.Visits.Services;
using OrchardPortal.Web.Testing;
using static OrchardPortal.ServiceRequests.Tests.Infrastructure.ServiceRequestsApp;

namespace OrchardPortal.ServiceRequests.Tests;

/// <summary>The office hears about each request; staff move it along, and the customer sees (and is emailed) what they say.</summary>
public sealed class StaffWorkflowTests(SqliteServiceRequestsApp host) : IClassFixture<SqliteServiceRequestsApp>
{
    [Fact]
    public async Task Each_new_request_is_emailed_to_the_offices_notification_address()
    {
        var (tenant, _, office) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);

        var sent = await SendRequestAsync(casey.Browser, RequestFields(casey, "other", ("Description", "Pressure-wash the <b>patio</b>")), new Photo("patio.png", TestPhotos.Png()));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(office), TimeSpan.FromSeconds(30)));
        Assert.Equal("Service request from Casey Brookfield: Something else", mail.Subject);
        Assert.Contains("Pressure-wash the <b>patio</b>", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Pressure-wash the &lt;b&gt;patio&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Photos: 1", mail.Text, StringComparison.Ordinal);
        Assert.Contains("/admin/service-requests", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_with_a_message_is_shown_to_the_customer_and_emailed_to_them()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await SendAsync(casey);

        var changed = await staff.PostFormAsync($"/admin/service-requests/{id}", [new("NewStatus", "Declined"), new("Message", "Sorry, we don't do roofs.")], $"/admin/service-requests/{id}?handler=Status");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var detail = WebUtility.HtmlDecode(await casey.Browser.GetStringAsync($"/request-service/{id}"));
        Assert.Contains("Declined", detail, StringComparison.Ordinal);
        Assert.Contains("Sorry, we don't do roofs.", detail, StringComparison.Ordinal);
        Assert.Contains("Sorry, we don't do roofs.", WebUtility.HtmlDecode(await casey.Browser.GetStringAsync("/request-service")), StringComparison.Ordinal);
        var mail = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Customer.PrimaryEmail!) && m.Subject.Contains("request", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        Assert.Contains("Declined", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Sorry, we don't do roofs.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/request-service/{id}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(">1<span class=\"visually-hidden\"> new service requests", await staff.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_from_a_stale_page_changes_nothing()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await SendAsync(casey);
        var page = await staff.GetStringAsync($"/admin/service-requests/{id}");
        var token = FormPosting.AntiforgeryToken(page);
        await staff.PostFormAsync($"/admin/service-requests/{id}", [new("NewStatus", "Done"), new("Message", "")], $"/admin/service-requests/{id}?handler=Status");

        var stale = await staff.PostFormWithTokenAsync($"/admin/service-requests/{id}?handler=Status", [new("Version", "0"), new("NewStatus", "Declined"), new("Message", "No.")], token);

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Someone else updated this request", await TextAsync(stale), StringComparison.Ordinal);
        var request = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<ServiceRequestService>().GetAsync(id, CancellationToken.None));
        Assert.Equal(ServiceRequestStatus.Done, request!.Status);
    }

    [Fact]
    public async Task Turning_a_request_into_an_estimate_drafts_one_for_that_customer_with_the_service_and_price()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var created = await staff.PostFormAsync("/admin/service-catalogue/new", [new("Input.Name", "Gutter cleaning"), new("Input.Price", "145.00"), new("Input.IsActive", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var casey = await host.SignedInCustomerAsync(tenant);
        var gutters = (await ServicesOfferedAsync(casey.Browser)).Single(s => s.Value == "Gutter cleaning").Key;
        Assert.Contains("$145.00", await casey.Browser.GetStringAsync("/request-service"), StringComparison.Ordinal);
        var id = await SendAsync(casey, gutters);

        var converted = await staff.PostFormAsync($"/admin/service-requests/{id}", [], $"/admin/service-requests/{id}?handler=Estimate");

        Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        Assert.Matches(@"^/admin/estimates/\d+/edit$", converted.Headers.Location?.OriginalString);
        var request = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<ServiceRequestService>().GetAsync(id, CancellationToken.None));
        Assert.Equal(ServiceRequestStatus.Quoted, request!.Status);
        var estimate = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<EstimateService>().GetAsync(request.EstimateId!.Value, CancellationToken.None));
        Assert.Equal(casey.Customer.Id, estimate!.CustomerId);
        Assert.Equal(EstimateStatus.Draft, estimate.Status);
        Assert.Equal(casey.PropertyId, estimate.PropertyId);
        var line = Assert.Single(estimate.Lines);
        Assert.Equal("Gutter cleaning", line.Description);
        Assert.Equal(14500, line.UnitPrice);
        Assert.Contains($"service request {id}", estimate.Notes, StringComparison.Ordinal);
        Assert.Contains($"/admin/estimates/{estimate.Id}", await staff.GetStringAsync($"/admin/service-requests/{id}"), StringComparison.Ordinal);

        var again = await staff.PostFormAsync($"/admin/service-requests/{id}", [], $"/admin/service-requests/{id}?handler=Estimate");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("An estimate was already made from this request", await TextAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduling_a_visit_from_a_request_makes_the_visit_and_tells_the_customer_when()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await SendAsync(casey);
        var day = DateTime.UtcNow.AddDays(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var scheduled = await staff.PostFormAsync(
            $"/admin/service-requests/{id}",
            [new("Visit.Date", day), new("Visit.StartTime", "08:00"), new("Visit.EndTime", "10:00"), new("Visit.CrewNotes", "Dog in yard"), new("Visit.Message", "")],
            $"/admin/service-requests/{id}?handler=Visit");

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var request = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<ServiceRequestService>().GetAsync(id, CancellationToken.None));
        Assert.Equal(ServiceRequestStatus.Scheduled, request!.Status);
        var visit = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<VisitService>().GetForCustomerAsync(casey.Customer.Id, request.VisitId!.Value, CancellationToken.None));
        Assert.NotNull(visit);
        Assert.Equal(id, visit.SourceServiceRequestId);
        Assert.Equal(request.ServiceName, visit.ServiceName);
        Assert.Equal(casey.PropertyId, visit.PropertyId);
        Assert.Equal(TimeSpan.FromHours(2), visit.WindowEndUtc - visit.WindowStartUtc);
        var detail = WebUtility.HtmlDecode(await casey.Browser.GetStringAsync($"/request-service/{id}"));
        Assert.Contains("Scheduled", detail, StringComparison.Ordinal);
        Assert.Contains("arriving between 8:00 AM and 10:00 AM", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_window_that_ends_before_it_starts_is_refused_and_nothing_changes()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var id = await SendAsync(casey);
        var day = DateTime.UtcNow.AddDays(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await staff.PostFormAsync(
            $"/admin/service-requests/{id}", [new("Visit.Date", day), new("Visit.StartTime", "10:00"), new("Visit.EndTime", "08:00")], $"/admin/service-requests/{id}?handler=Visit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The window must end after it starts.", await TextAsync(response), StringComparison.Ordinal);
        var request = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<ServiceRequestService>().GetAsync(id, CancellationToken.None));
        Assert.Equal(ServiceRequestStatus.New, request!.Status);
        Assert.Null(request.VisitId);
    }

    [Fact]
    public async Task The_inbox_filters_by_status()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var first = await SendAsync(casey, description: "Fix the gate");
        await SendAsync(casey, description: "Rake the leaves");
        await staff.PostFormAsync($"/admin/service-requests/{first}", [new("NewStatus", "Done"), new("Message", "")], $"/admin/service-requests/{first}?handler=Status");

        var newOnes = await staff.GetStringAsync("/admin/service-requests");
        var done = await staff.GetStringAsync("/admin/service-requests?status=done");
        var all = await staff.GetStringAsync("/admin/service-requests?status=all");

        Assert.DoesNotContain($"data-request-id=\"{first}\"", newOnes, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(newOnes, "data-request-id="));
        Assert.Contains($"data-request-id=\"{first}\"", done, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(all, "data-request-id="));
    }

    private static async Task<long> SendAsync(SignedInCustomer customer, string service = "other", string description = "Fix the gate")
    {
        var sent = await SendRequestAsync(customer.Browser, RequestFields(customer, service, ("Description", service == "other" ? description : "")));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = (await RequestLinksAsync(customer.Browser))[0];
        return long.Parse(link[(link.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }
}
