using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.EndToEnd.Tests;

/// <summary>One real host on Kestrel plus the shared browser, for a test class.</summary>
public sealed class PortalServerFixture : IAsyncLifetime
{
    public PortalApp App { get; } = PortalApp.CreateSqlite();

    public string BaseUrl { get; private set; } = "";

    public BrowserFixture Browser { get; private set; } = null!;

    public string TenantUrl(string name, string path = "/") => $"http://{name}.localhost:{App.Port}{path}";

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartKestrel();
        Browser = await BrowserFixture.GetAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
