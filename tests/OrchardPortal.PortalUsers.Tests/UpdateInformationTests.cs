using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.ContactChanges;
using OrchardPortal.Customers.Models;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

/// <summary>
/// The portal's "Update information" page: a signed-in customer asks for a change, sees it pending, and
/// after staff decide sees the record changed or the reason it was declined. Only their own record.
/// </summary>
public sealed class UpdateInformationTests(AdminTestHost host) : IClassFixture<AdminTestHost>
{
    private const string Page = "/account/update-information";

    /// <summary>The form as a customer fills it in: name, one email, one phone, a billing address.</summary>
    public static List<KeyValuePair<string, string>> Fields(string first, string last, string email, string phone, string billingLine1 = "") =>
    [
        new("FirstName", first), new("LastName", last), new("CompanyName", ""),
        new("Emails[0].Address", email), new("Emails[0].Label", "Home"), new("Emails[1].Address", ""), new("Emails[1].Label", ""), new("PrimaryEmail", "0"),
        new("Phones[0].Number", phone), new("Phones[0].Label", "Mobile"), new("PrimaryPhone", "0"),
        new("Billing.Line1", billingLine1), new("Billing.Line2", ""), new("Billing.City", billingLine1.Length > 0 ? "Aurora" : ""),
        new("Billing.Region", billingLine1.Length > 0 ? "IL" : ""), new("Billing.PostalCode", billingLine1.Length > 0 ? "60505" : ""), new("Billing.Country", ""),
    ];

    [Fact]
    public async Task The_page_shows_the_customers_details_and_a_submitted_change_is_shown_pending_without_changing_the_record()
    {
        var (tenant, customerId, email, customer) = await SignedInCustomerAsync("Hana", "Novak");
        var form = await AdminTestHost.PageAsync(customer, Page);
        Assert.Equal("Hana", form.QuerySelector("#ui-firstname")!.GetAttribute("value"));
        Assert.Equal(email, form.QuerySelector("#ui-emails-0-address")!.GetAttribute("value"));
        Assert.Equal("(630) 555-0142", form.QuerySelector("#ui-phones-0-number")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("header a[href='/account/update-information']"));

        var sent = await customer.PostFormAsync(Page, Fields("Hana", "Novak-Berg", email, "(630) 555-0177", "77 Prairie Street"));

        Assert.Equal(Page + "?sent=1", sent.Headers.Location?.OriginalString);
        var pending = await AdminTestHost.PageAsync(customer, Page + "?sent=1");
        Assert.Contains("your request was sent", pending.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var changes = pending.QuerySelector("table.changes")!.TextContent;
        Assert.Contains("Novak-Berg", changes, StringComparison.Ordinal);
        Assert.Contains("77 Prairie Street, Aurora, IL 60505", changes, StringComparison.Ordinal);
        Assert.Contains("(630) 555-0177", changes, StringComparison.Ordinal);
        Assert.Equal("Novak-Berg", pending.QuerySelector("#ui-lastname")!.GetAttribute("value"));
        var record = (await host.CustomerAsync(tenant, customerId))!;
        Assert.Equal("Hana Novak", record.DisplayName);
        Assert.Equal("(630) 555-0142", record.PrimaryPhone);
    }

    [Fact]
    public async Task Staff_approval_applies_the_change_and_keeps_the_service_property()
    {
        var (tenant, customerId, email, customer) = await SignedInCustomerAsync("Felix", "Moreau");
        var newEmail = AdminTestHost.Unique("felix.new");
        Assert.Equal(HttpStatusCode.Redirect, (await customer.PostFormAsync(Page, Fields("Felix", "Moreau", newEmail, "(630) 555-0188", "9 Elm Court"))).StatusCode);
        var requestId = await PendingRequestIdAsync(tenant, customerId);
        var staff = await StaffAsync(tenant);

        var approved = await staff.PostFormAsync("/admin/customers/requests", [], $"/admin/customers/requests?handler=Approve&id={requestId}");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var record = (await host.CustomerAsync(tenant, customerId))!;
        Assert.Equal(newEmail, record.PrimaryEmail);
        Assert.Equal("(630) 555-0188", record.PrimaryPhone);
        Assert.Equal("9 Elm Court", record.Addresses.Single(a => a.Kind == AddressKind.Billing).Line1);
        Assert.Equal("418 Birchwood Lane", record.Addresses.Single(a => a.Kind == AddressKind.Service).Line1);
        var page = await AdminTestHost.PageAsync(customer, Page);
        Assert.Contains("was approved", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(newEmail, page.QuerySelector("#ui-emails-0-address")!.GetAttribute("value"));
        Assert.DoesNotContain(record.Emails, e => e.Address == email);
    }

    [Fact]
    public async Task A_declined_request_shows_its_reason_to_the_customer()
    {
        var (tenant, customerId, email, customer) = await SignedInCustomerAsync("Greta", "Lind");
        Assert.Equal(HttpStatusCode.Redirect, (await customer.PostFormAsync(Page, Fields("Greta", "Lind", email, "(630) 555-0123", "1 Faraway Road"))).StatusCode);
        var requestId = await PendingRequestIdAsync(tenant, customerId);
        var staff = await StaffAsync(tenant);

        var declined = await staff.PostFormAsync("/admin/customers/requests", [new("reason", "We only bill addresses in Kane County.")], $"/admin/customers/requests?handler=Decline&id={requestId}");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var page = await AdminTestHost.PageAsync(customer, Page);
        var alert = page.QuerySelector(".alert-error")!.TextContent;
        Assert.Contains("Reason: We only bill addresses in Kane County.", alert, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.changes"));
        Assert.DoesNotContain((await host.CustomerAsync(tenant, customerId))!.Addresses, a => a.Kind == AddressKind.Billing);
    }

    [Fact]
    public async Task Invalid_details_are_explained_beside_their_fields_and_nothing_is_sent()
    {
        var (tenant, customerId, email, customer) = await SignedInCustomerAsync("Ivo", "Sand");

        var response = await customer.PostFormAsync(Page, Fields("Ivo", "Sand", "not-an-email", "(630) 555-0142", "5 Half Street")
            .Where(f => f.Key != "Billing.City").ToList());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminTestHost.DocumentAsync(response);
        Assert.Contains("valid email", page.QuerySelector("#ui-emails-0-address-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#ui-emails-0-address")!.GetAttribute("aria-invalid"));
        Assert.Equal("not-an-email", page.QuerySelector("#ui-emails-0-address")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#ui-billing-city-error"));
        Assert.NotNull(page.QuerySelector("[role=alert]"));
        Assert.Null(await PendingRequestIdOrNullAsync(tenant, customerId));
        Assert.Equal(email, (await host.CustomerAsync(tenant, customerId))!.PrimaryEmail);
    }

    [Fact]
    public async Task A_customer_can_only_ever_change_their_own_record_whatever_ids_the_request_carries()
    {
        var (tenant, mineId, mine, me) = await SignedInCustomerAsync("Olga", "Mine");
        var theirs = AdminTestHost.Unique("other");
        var otherId = (await host.ImportAsync(tenant, AdminTestHost.Person("Otto", "Other", theirs)))[0];
        // Otto asks for a change of his own, which Olga must not be able to see or replace.
        var staff = await StaffAsync(tenant);
        var otto = await host.InviteAndActivateAsync(tenant, staff, otherId, theirs);
        Assert.Equal(HttpStatusCode.Redirect, (await otto.PostFormAsync(Page, Fields("Otto", "Other", theirs, "(630) 555-0160"))).StatusCode);
        var ottoRequest = await PendingRequestIdAsync(tenant, otherId);

        var fields = Fields("Olga", "Mine-Changed", mine, "(630) 555-0142");
        fields.AddRange([new("CustomerId", otherId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("id", otherId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var posted = await me.PostFormAsync($"{Page}?customerId={otherId}", fields, $"{Page}?customerId={otherId}&id={otherId}");
        var page = await AdminTestHost.PageAsync(me, $"{Page}?customerId={otherId}&id={otherId}");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Olga", page.QuerySelector("#ui-firstname")!.GetAttribute("value"));
        Assert.DoesNotContain("Otto", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0160", page.Body!.TextContent, StringComparison.Ordinal);
        var ottoNow = await host.App.InTenantScopeAsync(tenant.Name, sp => sp.GetRequiredService<ContactChangeService>().FindPendingForCustomerAsync(otherId, CancellationToken.None));
        Assert.Equal(ottoRequest, ottoNow!.Id);
        Assert.Contains("Otto", ottoNow.ChangesJson, StringComparison.Ordinal);
        Assert.NotNull(await PendingRequestIdOrNullAsync(tenant, mineId));
        Assert.Equal("Otto Other", (await host.CustomerAsync(tenant, otherId))!.DisplayName);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_a_post_without_its_token_changes_nothing()
    {
        var (tenant, customerId, email, customer) = await SignedInCustomerAsync("Pia", "Token");
        var visitor = host.App.CreateClient(tenant.Host);

        var anonymous = await visitor.GetAsync(Page);
        var forged = await customer.PostAsync(Page, new FormUrlEncodedContent(Fields("Pia", "Forged", email, "(630) 555-0142")));

        Assert.Equal("/sign-in?returnUrl=%2Faccount%2Fupdate-information", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("nothing was sent", (await AdminTestHost.DocumentAsync(forged)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await PendingRequestIdOrNullAsync(tenant, customerId));
    }

    private async Task<(TenantHandle Tenant, long CustomerId, string Email, HttpClient Customer)> SignedInCustomerAsync(string first, string last)
    {
        var (tenant, staff) = await host.NewTenantAsync();
        var email = AdminTestHost.Unique(first.ToLowerInvariant());
        var id = (await host.ImportAsync(tenant, AdminTestHost.Person(first, last, email)))[0];
        return (tenant, id, email, await host.InviteAndActivateAsync(tenant, staff, id, email));
    }

    private async Task<HttpClient> StaffAsync(TenantHandle tenant)
    {
        var staff = host.App.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)])).StatusCode);
        return staff;
    }

    private async Task<long> PendingRequestIdAsync(TenantHandle tenant, long customerId) =>
        await PendingRequestIdOrNullAsync(tenant, customerId) ?? throw new InvalidOperationException("No pending request.");

    private Task<long?> PendingRequestIdOrNullAsync(TenantHandle tenant, long customerId) =>
        host.App.InTenantScopeAsync(tenant.Name, async sp =>
            (await sp.GetRequiredService<ContactChangeService>().FindPendingForCustomerAsync(customerId, CancellationToken.None))?.Id);
}
