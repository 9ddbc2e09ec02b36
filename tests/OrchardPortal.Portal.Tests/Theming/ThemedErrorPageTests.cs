using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Portal.Tests.Theming;

/// <summary>
/// What a customer sees when something breaks on our side: the company's own themed page, never a
/// stack trace, and a plain page still when the theme itself cannot render. The host runs as in
/// production (no developer exception page); a test-only globals provider plays the bug.
/// </summary>
public sealed class ThemedErrorPageTests
{
    [Fact]
    public async Task A_failure_on_a_portal_page_shows_the_companys_themed_error_page()
    {
        await using var app = new PortalApp();
        await using var production = InProduction(app, failingPath: "/");
        var tenant = await PortalApp.CreateTenantAsync(production.Services, companyName: "Juniper Pest Control");
        using var client = production.CreateClient(new() { BaseAddress = new Uri("http://" + tenant.Host), AllowAutoRedirect = false });

        var (status, body) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.Contains("Juniper Pest Control", body, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"tabs\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_theme_cannot_render_either_the_plain_error_page_still_answers()
    {
        await using var app = new PortalApp();
        await using var production = InProduction(app, failingPath: null);
        var tenant = await PortalApp.CreateTenantAsync(production.Services);
        using var client = production.CreateClient(new() { BaseAddress = new Uri("http://" + tenant.Host), AllowAutoRedirect = false });

        var (status, body) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav class=\"tabs\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
    }

    /// <param name="app">The host to run in production mode.</param>
    /// <param name="failingPath">The only path whose rendering fails, or null for every path (the error page's too).</param>
    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> InProduction(PortalApp app, string? failingPath) =>
        app.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .ConfigureTestServices(services => services.AddScoped<IThemeGlobalsProvider>(_ => new FailingGlobalsProvider(failingPath))));

    private sealed class FailingGlobalsProvider(string? failingPath) : IThemeGlobalsProvider
    {
        public Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken) =>
            failingPath is null || context.HttpContext?.Request.Path.Value == failingPath
                ? throw new InvalidOperationException("A bug in a page's data")
                : Task.CompletedTask;
    }
}
