using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Tests.Infrastructure;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Portal.Tests.Theming;

/// <summary>The renderer as other modules call it: previews with unsaved colours and banners, and emails.</summary>
public sealed class RendererTests : IAsyncLifetime
{
    private readonly string _themes = ScratchDirectory.Create("themes");
    private PortalApp _app = null!;

    public Task InitializeAsync()
    {
        // A copy of Meadow plus one email, so the email pipeline can be tested before any module ships an email.
        CopyDirectory(RepositoryRoot.Combine("src", "Themes", "Meadow"), Path.Combine(_themes, "Meadow"));
        var emails = Path.Combine(_themes, "Meadow", "Views", "Emails");
        File.WriteAllText(Path.Combine(emails, "Receipt.liquid"),
            "{% section 'subject' %}Receipt from {{ site.company_name }}{% endsection %}<p>Hi {{ name }}, we received {{ amount | money }} on {{ paid | date: '%b %-d, %Y %H:%M' }}.</p>");
        File.WriteAllText(Path.Combine(emails, "Receipt.text.liquid"), "Hi {{ name }}, we received {{ amount | money }}.");
        _app = PortalApp.CreateSqlite(new Dictionary<string, string?> { ["Themes:Path"] = _themes });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_preview_shows_unsaved_colours_and_its_banner_and_is_never_cached()
    {
        var tenant = await _app.CreateTenantAsync(companyName: "Preview Lawns");

        var (html, response) = await _app.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var result = await sp.GetRequiredService<IThemeRenderer>().RenderPageAsync("Home", new Dictionary<string, object?>(), new ThemePageOptions
            {
                Preview = true,
                Banner = "Preview — your customers don't see this yet",
                Settings = new Dictionary<string, string> { ["theme_color"] = "#FACC15", ["background_color"] = "not a colour" },
            });
            return await ExecuteAsync(result);
        });

        Assert.Contains("--primary:#facc15;--on-primary:#000000", html, StringComparison.Ordinal);
        Assert.Contains("--bg:#f4f6f0;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Preview — your customers don't see this yet</strong>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Contains("--primary:#2f6b3a;", (await _app.CreateClient(tenant.Host).GetPageAsync("/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_shown_under_another_address_keeps_its_tab_links_there()
    {
        var tenant = await _app.CreateTenantAsync();

        var (html, _) = await _app.InTenantScopeAsync(tenant.Name, async sp => await ExecuteAsync(
            await sp.GetRequiredService<IThemeRenderer>().RenderPageAsync("Payments", new Dictionary<string, object?>(), new ThemePageOptions
            {
                Preview = true,
                Items = new Dictionary<string, object?> { [ThemeRenderItems.PortalBasePath] = "/admin/sample-portal" },
            })));

        Assert.Contains("<a href=\"/admin/sample-portal\">Home</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/sample-portal/payments\">Payments</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_has_its_subject_an_escaped_html_body_and_an_unescaped_text_body_in_the_tenants_money_and_time()
    {
        var tenant = await _app.CreateTenantAsync(companyName: "Fern & Co");
        var model = new Dictionary<string, object?>
        {
            ["name"] = "Sam <Smith> & Daughters",
            ["amount"] = 123456L,
            ["paid"] = new DateTimeOffset(2026, 7, 4, 16, 30, 0, TimeSpan.Zero),
        };

        var email = await _app.InTenantScopeAsync(tenant.Name, sp =>
            sp.GetRequiredService<IThemeRenderer>().RenderEmailAsync("Receipt", model, new ThemeEmailOptions { BaseUrl = "https://fern.example.com" }));

        Assert.Equal("Receipt from Fern & Co", email.Subject);
        Assert.Contains("Hi Sam &lt;Smith&gt; &amp; Daughters, we received $1,234.56 on Jul 4, 2026 12:30.", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("background:#2f6b3a;color:#ffffff", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Hi Sam <Smith> & Daughters, we received $1,234.56.", email.TextBody);
    }

    private static async Task<(string Html, HttpResponse Response)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (Encoding.UTF8.GetString(body.ToArray()), context.Response);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
