using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Tests.Infrastructure;
using OrchardPortal.Visits.Services;
using OrchardPortal.Web.Testing;
using static OrchardPortal.ServiceRequests.Tests.Infrastructure.ServiceRequestsApp;

namespace OrchardPortal.ServiceRequests.Tests;

/// <summary>Customers send notes about a property or a visit; the office is emailed, answers, and the notes form a history on the customer's record.</summary>
public sealed class ServiceNotesTests(SqliteServiceRequestsApp host) : IClassFixture<SqliteServiceRequestsApp>
{
    [Fact]
    public async Task A_note_about_a_visit_reaches_the_office_and_the_answer_reaches_the_customer()
    {
        var (tenant, staff, office) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var visitId = await ScheduleVisitAsync(tenant, casey.Customer.Id, casey.PropertyId);

        var sent = await casey.Browser.PostFormAsync("/service-notes", [new("VisitId", visitId.ToString(CultureInfo.InvariantCulture)), new("Body", "Gate code changed to 4512")]);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var toOffice = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(office), TimeSpan.FromSeconds(30)));
        Assert.Equal("Service note from Casey Brookfield", toOffice.Subject);
        Assert.Contains("Gate code changed to 4512", toOffice.Text, StringComparison.Ordinal);
        Assert.Contains("Lawn mowing on", toOffice.Text, StringComparison.Ordinal);
        Assert.Contains("Waiting for our answer", WebUtility.HtmlDecode(await casey.Browser.GetStringAsync("/service-notes")), StringComparison.Ordinal);
        var noteId = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceNote>().Select(n => n.Id).SingleAsync());
        Assert.Contains(">1<span class=\"visually-hidden\"> unanswered service notes</span>", await staff.GetStringAsync("/admin"), StringComparison.Ordinal);

        var answered = await staff.PostFormAsync($"/admin/service-notes/{noteId}", [new("Answer", "Thanks, the crew has the new code.")]);

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Thanks, the crew has the new code.", WebUtility.HtmlDecode(await casey.Browser.GetStringAsync("/service-notes")), StringComparison.Ordinal);
        var toCustomer = Assert.Single(await host.Mail.WaitForMailAsync(m => m.IsFor(casey.Customer.PrimaryEmail!) && m.Subject.Contains("answered", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        Assert.Contains("Thanks, the crew has the new code.", toCustomer.Text, StringComparison.Ordinal);
        Assert.Contains("No unanswered notes.", await staff.GetStringAsync("/admin/service-notes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_form_a_history_on_the_customers_admin_page()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await casey.Browser.PostFormAsync("/service-notes", [new("PropertyId", casey.PropertyId.ToString(CultureInfo.InvariantCulture)), new("Body", "Dog in the yard on Tuesday")]);
        await casey.Browser.PostFormAsync("/service-notes", [new("Body", "Please leave the side gate closed")]);

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/admin/customers/{casey.Customer.Id}"));

        Assert.Contains("Service notes", page, StringComparison.Ordinal);
        Assert.Contains("Dog in the yard on Tuesday", page, StringComparison.Ordinal);
        Assert.Contains("Please leave the side gate closed", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Please leave the side gate closed", StringComparison.Ordinal) < page.IndexOf("Dog in the yard on Tuesday", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task A_note_about_another_customers_visit_is_refused_and_nothing_is_saved()
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant, "Casey");
        var dana = await host.CustomerAsync(tenant, "Dana");
        var danasVisit = await ScheduleVisitAsync(tenant, dana.Id, dana.Addresses[0].Id);

        var response = await casey.Browser.PostFormAsync("/service-notes", [new("VisitId", danasVisit.ToString(CultureInfo.InvariantCulture)), new("Body", "Gate code 1234")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose one of your visits from the list.", await TextAsync(response), StringComparison.Ordinal);
        Assert.Contains("Gate code 1234", await TextAsync(response), StringComparison.Ordinal);
        await AssertNoNotesAsync(tenant);
    }

    [Theory]
    [InlineData("PropertyId", "987654", "Choose one of your properties from the list.")]
    [InlineData("Body", "   ", "Write your note")]
    public async Task A_note_with_a_bad_field_is_refused_with_a_message(string field, string value, string message)
    {
        var (tenant, _, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        var fields = new Dictionary<string, string> { ["Body"] = "Gate code 1234", [field] = value };

        var response = await casey.Browser.PostFormAsync("/service-notes", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await TextAsync(response), StringComparison.Ordinal);
        await AssertNoNotesAsync(tenant);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_and_the_customer_hears_nothing()
    {
        var (tenant, staff, _) = await host.NewTenantAsync();
        var casey = await host.SignedInCustomerAsync(tenant);
        await casey.Browser.PostFormAsync("/service-notes", [new("Body", "Gate code 1234")]);
        var noteId = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceNote>().Select(n => n.Id).SingleAsync());

        var response = await staff.PostFormAsync($"/admin/service-notes/{noteId}", [new("Answer", " ")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Write your answer to the customer.", await TextAsync(response), StringComparison.Ordinal);
        Assert.Contains("Waiting for our answer", WebUtility.HtmlDecode(await casey.Browser.GetStringAsync("/service-notes")), StringComparison.Ordinal);
    }

    private Task<long> ScheduleVisitAsync(TenantHandle tenant, long customerId, long propertyId) =>
        host.InTenantAsync(tenant, async sp =>
        {
            var start = DateTimeOffset.UtcNow.AddDays(3);
            var result = await sp.GetRequiredService<VisitService>().ScheduleAsync(
                new ScheduleVisit(customerId, propertyId, "Lawn mowing", start, start.AddHours(2)), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            return result.VisitId!.Value;
        });

    private async Task AssertNoNotesAsync(TenantHandle tenant) =>
        Assert.Equal(0, await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<ServiceNote>().CountAsync()));
}
