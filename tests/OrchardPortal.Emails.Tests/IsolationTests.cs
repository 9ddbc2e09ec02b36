using System.Net;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Emails.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests;

public sealed class IsolationTests(EmailsApp app) : IClassFixture<EmailsApp>
{
    [Fact]
    public async Task A_tenant_only_ever_sees_and_edits_its_own_templates_and_mail_settings()
    {
        var (a, staffA) = await app.NewTenantAsync();
        var (b, staffB) = await app.NewTenantAsync();
        var url = EmailPaths.EditTemplate(EmailTemplateKeys.Invitation);
        await staffA.PostFormAsync(url, [new("Subject", "Only for A {{ customer.name }}"), new("HtmlBody", "<p>A's own words</p>"), new("TextBody", "")]);
        await staffA.PostFormAsync(EmailPaths.Settings, [new("Input.Host", "smtp.tenant-a.example"), new("Input.Port", "587"), new("Input.Security", "StartTls"), new("Input.UserName", "a-user"), new("Input.Password", "A-secret-99")]);

        var bTemplate = await staffB.PageAsync(url);
        var bSettings = await staffB.PageAsync(EmailPaths.Settings);

        Assert.Equal("Your {{ site.company_name }} customer portal is ready", bTemplate.GetElementById("Subject")!.GetAttribute("value"));
        Assert.DoesNotContain("A's own words", bTemplate.Source.Text, StringComparison.Ordinal);
        Assert.Equal("", bSettings.GetElementById("Input_Host")!.GetAttribute("value") ?? "");
        Assert.DoesNotContain("a-user", bSettings.Source.Text, StringComparison.Ordinal);

        // A's staff cookie is worth nothing on B's host: the admin sends them to B's sign-in.
        var crossing = app.App.CreateClient(b.Host);
        crossing.DefaultRequestHeaders.Add("Cookie", await StaffCookiesAsync(a));
        var response = await crossing.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var save = await crossing.PostAsync(url, new FormUrlEncodedContent([new("Subject", "Hijacked"), new("HtmlBody", "<p>x</p>")]));
        Assert.NotEqual(HttpStatusCode.OK, save.StatusCode);
        Assert.Equal("Your {{ site.company_name }} customer portal is ready", (await staffB.PageAsync(url)).GetElementById("Subject")!.GetAttribute("value"));
        Assert.Equal("Only for A {{ customer.name }}", (await staffA.PageAsync(url)).GetElementById("Subject")!.GetAttribute("value"));
    }

    /// <summary>The cookies a browser holds after signing in to <paramref name="tenant"/>'s admin, as a Cookie header.</summary>
    private async Task<string> StaffCookiesAsync(TenantHandle tenant)
    {
        var client = app.App.CreateClient(tenant.Host);
        var login = await client.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
