using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Settings;
using OrchardPortal.Emails.Smtp;
using OrchardPortal.Emails.Tests.Infrastructure;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests;

public sealed class SmtpSettingsTests(EmailsApp app) : IClassFixture<EmailsApp>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private static string Unique(string local) => $"{local}-{Guid.NewGuid():N}"[..(local.Length + 9)] + "@example.com";

    private static List<KeyValuePair<string, string>> Settings(int port, string host = "127.0.0.1", string user = "", string password = "", string security = "None", string fromAddress = "") =>
    [
        new("Input.Host", host),
        new("Input.Port", port.ToString(CultureInfo.InvariantCulture)),
        new("Input.Security", security),
        new("Input.UserName", user),
        new("Input.Password", password),
        new("Input.FromName", "Fern Office"),
        new("Input.FromAddress", fromAddress),
    ];

    private static Dictionary<string, object?> SignInLink() => new() { ["link"] = "https://example.com/s/1", ["expires_minutes"] = 15 };

    [Fact]
    public async Task The_password_is_stored_encrypted_never_shown_back_and_kept_when_left_blank()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        const string password = "Hunter2-Mailbox-Secret";

        var saved = await staff.PostFormAsync(EmailPaths.Settings, Settings(2525, "smtp.fern.example", "fern", password));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var resaved = await staff.PostFormAsync(EmailPaths.Settings, Settings(2526, "smtp.fern.example", "fern", ""));
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);

        var json = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SiteSettingsDocument>()
            .Where(d => d.Name == TenantSmtpSettings.DocumentName).Select(d => d.Json).SingleAsync());
        Assert.DoesNotContain(password, json, StringComparison.Ordinal);
        Assert.Contains("2526", json, StringComparison.Ordinal);
        var decrypted = await app.InTenantAsync(tenant, async sp =>
        {
            var stored = await sp.GetRequiredService<SmtpSettingsService>().GetAsync(CancellationToken.None);
            return sp.GetRequiredService<SmtpPasswordProtector>().Unprotect(tenant.Name, stored.ProtectedPassword);
        });
        Assert.Equal(password, decrypted);
        var page = await staff.PageAsync(EmailPaths.Settings);
        Assert.Equal("", page.GetElementById("Input_Password")!.GetAttribute("value") ?? "");
        Assert.DoesNotContain(password, page.Source.Text, StringComparison.Ordinal);
        Assert.Contains("Leave blank to keep the current password", page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_with_its_own_server_sends_there_while_another_tenant_uses_the_host_default()
    {
        await using var own = new FakeSmtpServer();
        var (a, staffA) = await app.NewTenantAsync();
        var (b, _) = await app.NewTenantAsync();
        var (toA, toB) = (Unique("via-own"), Unique("via-host"));
        Assert.Equal(HttpStatusCode.Redirect, (await staffA.PostFormAsync(EmailPaths.Settings, Settings(own.Port, fromAddress: "office@fern.example.com"))).StatusCode);
        Assert.Contains("your own mail server", (await staffA.PageAsync(EmailPaths.Settings)).TextOf("#mail-route"), StringComparison.Ordinal);

        await app.SendAsync(a, EmailTemplateKeys.SignInLink, toA, "Ann", SignInLink());
        await app.SendAsync(b, EmailTemplateKeys.SignInLink, toB, "Ben", SignInLink());

        var viaHost = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(toB), MailTimeout));
        Assert.Equal("host-default@orchardportal.test", viaHost.From);
        var deadline = DateTime.UtcNow + MailTimeout;
        while (!own.Received.Any(m => m.To.Contains(toA)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var viaOwn = Assert.Single(own.Received, m => m.To.Contains(toA));
        Assert.Contains("office@fern.example.com", viaOwn.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.Mail.GetAllAsync(), m => m.IsFor(toA));
    }

    [Fact]
    public async Task Without_any_mail_server_the_settings_page_says_mail_goes_to_the_pickup_folder()
    {
        await using var bare = PortalApp.CreateSqlite();
        var tenant = await bare.CreateTenantAsync();
        var staff = bare.CreateClient(tenant.Host);
        await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);

        var page = await staff.PageAsync(EmailPaths.Settings);

        Assert.Contains("Emails are not being sent.", page.TextOf("#mail-route"), StringComparison.Ordinal);
        Assert.Contains("mail-pickup", page.TextOf("#mail-route"), StringComparison.Ordinal);
        Assert.Contains("Emails are not being sent.", (await staff.PageAsync(EmailPaths.List)).TextOf("#pickup-notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_test_email_uses_the_unsaved_form_and_reports_success_against_a_working_server()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var to = Unique("smtp-test");
        var fields = Settings(app.Mail.SmtpPort);
        fields.Add(new("TestTo", to));

        var response = await staff.PostFormAsync(EmailPaths.Settings, fields, EmailPaths.Settings + "?handler=Test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"Test email sent to {to}.", (await response.DocumentAsync()).TextOf("#test-result"), StringComparison.Ordinal);
        Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), MailTimeout));
        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<SmtpSettingsService>().GetAsync(CancellationToken.None));
        Assert.False(stored.IsConfigured);
    }

    [Fact]
    public async Task Send_test_email_explains_the_failure_when_nothing_listens_on_the_port()
    {
        var (_, staff) = await app.NewTenantAsync();
        var fields = Settings(FreePort.Next());
        fields.Add(new("TestTo", Unique("nobody")));

        var response = await staff.PostFormAsync(EmailPaths.Settings, fields, EmailPaths.Settings + "?handler=Test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.DocumentAsync()).TextOf("#test-result");
        Assert.StartsWith("The test email could not be sent: ", result, StringComparison.Ordinal);
        Assert.Contains("refused", result, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Settings_that_cannot_work_are_refused_with_a_message_per_field()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var fields = Settings(70000, "https://smtp.example.com", fromAddress: "not an address");

        var response = await staff.PostFormAsync(EmailPaths.Settings, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("just the server's name", page.TextOf("#Host-error"), StringComparison.Ordinal);
        Assert.Contains("1 to 65535", page.TextOf("#Port-error"), StringComparison.Ordinal);
        Assert.Contains("full email address", page.TextOf("#FromAddress-error"), StringComparison.Ordinal);
        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<SmtpSettingsService>().GetAsync(CancellationToken.None));
        Assert.False(stored.IsConfigured);
    }

    [Fact]
    public async Task Implicit_TLS_on_port_465_can_be_chosen_and_stays_chosen()
    {
        var (tenant, staff) = await app.NewTenantAsync();

        var saved = await staff.PostFormAsync(EmailPaths.Settings, Settings(465, "smtp.fern.example", security: "SslOnConnect"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<SmtpSettingsService>().GetAsync(CancellationToken.None));
        Assert.Equal(SmtpTlsMode.SslOnConnect, stored.Security);
        var page = await staff.PageAsync(EmailPaths.Settings);
        Assert.True(page.QuerySelector("input[name='Input.Security'][value='SslOnConnect']")!.HasAttribute("checked"));
    }
}
