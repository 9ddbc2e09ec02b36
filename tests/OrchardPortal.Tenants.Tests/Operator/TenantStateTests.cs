using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Operator;

/// <summary>Disabling, enabling and deleting tenants from the operator area.</summary>
public sealed class TenantStateTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private PortalApp App => fixture.App;

    [Fact]
    public async Task A_disabled_tenant_answers_with_the_unavailable_page_until_it_is_enabled_again()
    {
        var tenant = await App.CreateTenantAsync(companyName: "Sleepy Hollow Lawns");
        var visitor = App.CreateClient(tenant.Host);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        var client = await App.SignedInOperatorAsync();

        var disable = await PostActionAsync(client, "Disable", tenant.Name);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        var whileDisabled = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDisabled.StatusCode);
        Assert.Contains("Sleepy Hollow Lawns’s portal is unavailable", await whileDisabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await (await client.GetAsync(disable.Headers.Location!.OriginalString + $"?q={tenant.Name}")).ReadHtmlAsync();
        Assert.Contains("is disabled", list.QuerySelector(".alert-info")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Disabled", list.QuerySelector($"tr[data-tenant='{tenant.Name}']")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostActionAsync(client, "Enable", tenant.Name)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Enabling_a_running_tenant_changes_nothing_and_says_why()
    {
        var tenant = await App.CreateTenantAsync();
        var client = await App.SignedInOperatorAsync();

        var response = await PostActionAsync(client, "Enable", tenant.Name);

        var list = await (await client.GetAsync(response.Headers.Location!.OriginalString)).ReadHtmlAsync();
        Assert.Equal("Only a disabled portal can be enabled.", list.QuerySelector(".alert-info")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient(tenant.Host).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_running_tenant_cannot_be_deleted()
    {
        var tenant = await App.CreateTenantAsync();
        var client = await App.SignedInOperatorAsync();

        var confirm = await (await client.GetAsync($"/operator/tenants/{tenant.Name}/delete")).ReadHtmlAsync();
        Assert.Contains("Only a disabled portal can be deleted", confirm.Alert(), StringComparison.Ordinal);
        Assert.Null(confirm.GetElementById("Confirmation"));

        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/operator/api-keys"));
        var forced = await client.PostFormWithTokenAsync($"/operator/tenants/{tenant.Name}/delete", [new("Confirmation", tenant.Name)], token);

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("Only a disabled portal can be deleted", (await forced.ReadHtmlAsync()).Alert(), StringComparison.Ordinal);
        Assert.True(await App.StorageExistsAsync(tenant.Name));
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient(tenant.Host).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Deleting_needs_the_name_typed_exactly_then_removes_the_tenant_and_its_storage()
    {
        var tenant = await App.CreateTenantAsync();
        var client = await App.SignedInOperatorAsync();
        await PostActionAsync(client, "Disable", tenant.Name);

        var mistyped = await client.PostFormAsync($"/operator/tenants/{tenant.Name}/delete", [new("Confirmation", tenant.Name.ToUpperInvariant())]);
        Assert.Equal(HttpStatusCode.OK, mistyped.StatusCode);
        Assert.Equal($"Type “{tenant.Name}” exactly to confirm.", (await mistyped.ReadHtmlAsync()).FieldError("Confirmation"));
        Assert.True(await App.StorageExistsAsync(tenant.Name));

        var deleted = await client.PostFormAsync($"/operator/tenants/{tenant.Name}/delete", [new("Confirmation", tenant.Name)]);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await App.StorageExistsAsync(tenant.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient(tenant.Host).GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/operator/tenants/{tenant.Name}/delete")).StatusCode);
        var list = await (await client.GetAsync("/operator/tenants")).ReadHtmlAsync();
        Assert.Contains("were deleted", list.QuerySelector(".alert-info")!.TextContent, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostActionAsync(HttpClient client, string handler, string name) =>
        client.PostFormAsync("/operator/tenants", [], $"/operator/tenants?handler={handler}&name={name}");
}
