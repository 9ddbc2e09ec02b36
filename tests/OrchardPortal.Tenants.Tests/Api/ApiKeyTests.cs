using System.Net;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests.Api;

/// <summary>API keys created and revoked in the operator area.</summary>
public sealed class ApiKeyTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private PortalApp App => fixture.App;

    [Fact]
    public async Task A_key_created_in_the_operator_area_is_shown_once_works_and_stops_working_when_revoked()
    {
        var operatorClient = await App.SignedInOperatorAsync();

        var created = await operatorClient.PostFormAsync("/operator/api-keys", [new("Name", "billing sync")], "/operator/api-keys?handler=Create");
        var secret = (await created.ReadHtmlAsync()).InputValue("new-key")!;
        Assert.StartsWith("opk_", secret, StringComparison.Ordinal);
        Assert.True(created.Headers.CacheControl?.NoStore);

        Assert.Equal(HttpStatusCode.OK, (await App.ApiClient(secret).GetAsync("/api/tenants")).StatusCode);

        var later = await (await operatorClient.GetAsync("/operator/api-keys")).ReadHtmlAsync();
        Assert.DoesNotContain(secret, later.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var row = later.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("billing sync", StringComparison.Ordinal));
        Assert.Contains(secret[..10], row.TextContent, StringComparison.Ordinal);

        var revokeUrl = row.QuerySelector("form")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync("/operator/api-keys", [], revokeUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ApiClient(secret).GetAsync("/api/tenants")).StatusCode);
        var afterRevoke = await (await operatorClient.GetAsync("/operator/api-keys")).ReadHtmlAsync();
        Assert.Contains("Revoked", afterRevoke.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("billing sync", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        var operatorClient = await App.SignedInOperatorAsync();

        var response = await operatorClient.PostFormAsync("/operator/api-keys", [new("Name", "  ")], "/operator/api-keys?handler=Create");

        var page = await response.ReadHtmlAsync();
        Assert.NotNull(page.FieldError("Name"));
        Assert.Null(page.GetElementById("new-key"));
    }
}
