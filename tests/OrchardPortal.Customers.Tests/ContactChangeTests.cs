using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.ContactChanges;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Customers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Customers.Tests;

public abstract class ContactChangeTests(CustomersApp app)
{
    private static string Unique(string local) => $"{local}-{Guid.NewGuid():N}"[..(local.Length + 9)] + "@example.com";

    private Task<ContactChangeResult> SubmitAsync(TenantHandle tenant, long customerId, ContactDetails changes) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<ContactChangeService>().SubmitAsync(customerId, changes, "portal-user-1", CancellationToken.None));

    private static ContactDetails Requested(string first, string last, string email, string phone, string line1) => new()
    {
        FirstName = first,
        LastName = last,
        Emails = [new EmailDetails { Address = email, Label = "Home" }],
        Phones = [new PhoneDetails { Number = phone }],
        Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = line1, City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
    };

    [Fact]
    public async Task Approving_a_request_applies_the_change_and_emails_the_customer_at_the_new_and_old_address()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var (oldEmail, newEmail) = (Unique("marisol"), Unique("marisol.new"));
        var id = (await app.ImportAsync(tenant, Sample.Person("Marisol", "Ortega", oldEmail, "(630) 555-0101")))[0];
        var submitted = await SubmitAsync(tenant, id, Requested("Marisol", "Ortega <b>Ruiz</b>", newEmail, "(630) 555-0177", "12 Juniper Bend"));
        Assert.True(submitted.Succeeded);

        var list = await staff.PageAsync(CustomerPaths.Requests);
        var changed = list.QuerySelectorAll($"#request-{submitted.RequestId} tr.changed th").Select(th => th.ChildNodes[0].TextContent.Trim()).ToList();
        Assert.Equal(["Name", "Emails", "Phones", "Service properties"], changed);
        Assert.Contains("12 Juniper Bend, Maple Hollow, IL 60510", list.QuerySelector($"#request-{submitted.RequestId} tr.changed td.requested")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        var response = await staff.PostFormAsync(CustomerPaths.Requests, [], $"{CustomerPaths.Requests}?handler=Approve&id={submitted.RequestId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var customer = (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!;
        Assert.Equal("Marisol Ortega <b>Ruiz</b>", customer.DisplayName);
        Assert.Equal(newEmail, customer.PrimaryEmail);
        Assert.Equal("(630) 555-0177", customer.PrimaryPhone);
        Assert.Equal("12 Juniper Bend", Assert.Single(customer.Addresses).Line1);
        var toNew = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(newEmail), TimeSpan.FromSeconds(30)));
        Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(oldEmail), TimeSpan.FromSeconds(30)));
        Assert.StartsWith("Your contact information at ", toNew.Subject, StringComparison.Ordinal);
        Assert.Contains("Ortega &lt;b&gt;Ruiz&lt;/b&gt;", toNew.Html, StringComparison.Ordinal);
        Assert.Contains(newEmail, toNew.Text, StringComparison.Ordinal);
        Assert.Contains("No requests are waiting", (await staff.PageAsync(CustomerPaths.Requests)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_needs_a_reason_then_emails_it_and_leaves_the_details_unchanged()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var email = Unique("desmond");
        var id = (await app.ImportAsync(tenant, Sample.Person("Desmond", "Achterberg", email)))[0];
        var submitted = await SubmitAsync(tenant, id, Requested("Desmond", "Achterberg", email, "(630) 555-0150", "1 Somewhere Else"));
        var decline = $"{CustomerPaths.Requests}?handler=Decline&id={submitted.RequestId}";

        var withoutReason = await staff.PostFormAsync(CustomerPaths.Requests, [new("reason", "   ")], decline);

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Tell the customer why", (await withoutReason.DocumentAsync()).QuerySelector($"#request-{submitted.RequestId} .notice-error")!.TextContent, StringComparison.Ordinal);
        var stillPending = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ContactChangeService>().CountPendingAsync(CancellationToken.None));
        Assert.Equal(1, stillPending);

        var declined = await staff.PostFormAsync(CustomerPaths.Requests, [new("reason", "We only service addresses in Kane County.")], decline);

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30)));
        Assert.Contains("We only service addresses in Kane County.", mail.Text, StringComparison.Ordinal);
        var customer = (await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!;
        Assert.Empty(customer.Phones);
        Assert.NotEqual("1 Somewhere Else", customer.Addresses[0].Line1);
    }

    [Fact]
    public async Task A_request_decided_once_cannot_be_decided_again()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var email = Unique("hiroshi");
        var id = (await app.ImportAsync(tenant, Sample.Person("Hiroshi", "Takemura", email)))[0];
        var submitted = await SubmitAsync(tenant, id, Requested("Hiroshi", "Takemura", email, "(630) 555-0107", "1458 Juniper Bend"));

        var approve = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ContactChangeService>().ApproveAsync(submitted.RequestId, "Olivia Owner", CancellationToken.None));
        var again = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ContactChangeService>().DeclineAsync(submitted.RequestId, "Sam Staff", "Changed my mind", CancellationToken.None));

        Assert.True(approve.Succeeded);
        Assert.Equal("This request was already approved by Olivia Owner.", again.Errors[""]);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync(CustomerPaths.Requests, [], $"{CustomerPaths.Requests}?handler=Approve&id=987654")).StatusCode);
    }

    [Fact]
    public async Task A_new_request_replaces_the_pending_one_and_an_invalid_or_empty_one_is_refused()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var email = Unique("bea");
        var id = (await app.ImportAsync(tenant, Sample.Person("Beatriz", "Haldane", email)))[0];
        var current = CustomerDetails.From((await app.WithCustomersAsync(tenant, s => s.GetAsync(id, CancellationToken.None)))!);

        var first = await SubmitAsync(tenant, id, Requested("Beatriz", "Haldane", email, "(630) 555-0112", "808 Switchgrass Lane"));
        var second = await SubmitAsync(tenant, id, Requested("Beatriz", "Haldane", email, "(630) 555-0113", "808 Switchgrass Lane"));
        var invalid = await SubmitAsync(tenant, id, Requested("Beatriz", "Haldane", "bea-at-example", "12", "x"));
        var unchanged = await SubmitAsync(tenant, id, current.ToContact());

        Assert.Equal(first.RequestId, second.RequestId);
        var pending = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ContactChangeService>().ListPendingAsync(10, CancellationToken.None));
        Assert.Equal("(630) 555-0113", Assert.Single(pending).Requested.Phones[0].Number);
        Assert.Equal(["Emails[0].Address", "Phones[0].Number"], invalid.Errors.Keys);
        Assert.Contains("nothing to change", unchanged.Errors[""], StringComparison.Ordinal);
    }
}

public sealed class SqliteContactChangeTests(SqliteCustomersApp app) : ContactChangeTests(app), IClassFixture<SqliteCustomersApp>;

public sealed class PostgresContactChangeTests(PostgresCustomersApp app) : ContactChangeTests(app), IClassFixture<PostgresCustomersApp>;
