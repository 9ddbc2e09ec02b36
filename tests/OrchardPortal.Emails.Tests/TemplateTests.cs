using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Emails.Models;
using OrchardPortal.Emails.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests;

public sealed class TemplateTests(EmailsApp app) : IClassFixture<EmailsApp>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private static string Unique(string local) => $"{local}-{Guid.NewGuid():N}"[..(local.Length + 9)] + "@example.com";

    private static Dictionary<string, object?> Invitation(string customerName, string link = "https://acme.example.com/activate/abc") => new()
    {
        ["customer"] = new Dictionary<string, object?> { ["name"] = customerName, ["account_number"] = "100245" },
        ["link"] = link,
        ["expires_days"] = 14,
    };

    private static List<KeyValuePair<string, string>> Form(string subject, string html, string text = "") =>
        [new("Subject", subject), new("HtmlBody", html), new("TextBody", text)];

    [Fact]
    public async Task A_new_tenant_has_every_template_listed_in_order_with_when_it_is_sent()
    {
        var (tenant, staff) = await app.NewTenantAsync();

        var page = await staff.PageAsync(EmailPaths.List);

        var rows = page.QuerySelectorAll("table.email-templates tbody tr").Select(r => r.Id).ToList();
        Assert.Equal(EmailTemplateKeys.All.Select(k => "template-" + k), rows);
        Assert.Contains("When staff send a customer a link to set up their portal account.", page.TextOf("#template-invitation"), StringComparison.Ordinal);
        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<EmailTemplate>().Select(t => t.Key).ToListAsync());
        Assert.Equal(EmailTemplateKeys.All.Order(), stored.Order());
    }

    [Fact]
    public async Task The_invitation_has_an_activate_button_in_the_theme_colour_inside_the_email_layout()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var to = Unique("ines");

        await app.SendAsync(tenant, EmailTemplateKeys.Invitation, to, "Ines Alvarado", Invitation("Ines Alvarado", "https://x.example.com/activate/tok-123"));

        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), MailTimeout));
        Assert.Equal($"Your Green Acres {tenant.Name} customer portal is ready", mail.Subject);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.Html!);
        var button = Assert.Single(html.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Activate account");
        Assert.Equal("https://x.example.com/activate/tok-123", button.GetAttribute("href"));
        Assert.Contains("background:#2f6b3a", button.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains($"Green Acres {tenant.Name}", html.QuerySelector("td")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("expires in 14 days", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_template_changes_the_next_email()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var to = Unique("wes");

        var saved = await staff.PostFormAsync(EmailPaths.EditTemplate(EmailTemplateKeys.Invitation),
            Form("Welcome aboard, {{ customer.name }}!", "<p>Hello {{ customer.name }}, your code is {{ customer.account_number }}. <a href=\"{{ link }}\">Start here</a></p>"));
        Assert.Contains("Saved.", (await staff.FollowAsync(saved)).Flash(), StringComparison.Ordinal);
        await app.SendAsync(tenant, EmailTemplateKeys.Invitation, to, "Wes", Invitation("Wes Okafor"));

        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), MailTimeout));
        Assert.Equal("Welcome aboard, Wes Okafor!", mail.Subject);
        Assert.Contains("your code is 100245", mail.Html, StringComparison.Ordinal);
        Assert.Contains("your code is 100245", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_with_a_Liquid_error_is_refused_with_line_and_column_and_nothing_is_saved()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var before = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<EmailTemplate>().AsNoTracking().SingleAsync(t => t.Key == EmailTemplateKeys.PasswordReset));

        var response = await staff.PostFormAsync(EmailPaths.EditTemplate(EmailTemplateKeys.PasswordReset),
            Form("Reset your password", "<p>Hi</p>\n<p>{% if recipient.name %}Hello{% endfor %}</p>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("Not saved.", page.TextOf("#template-errors"), StringComparison.Ordinal);
        Assert.StartsWith("Line 2, column ", page.TextOf("#HtmlBody-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.GetElementById("HtmlBody")!.GetAttribute("aria-invalid"));
        var after = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<EmailTemplate>().AsNoTracking().SingleAsync(t => t.Key == EmailTemplateKeys.PasswordReset));
        Assert.Equal((before.Version, before.Subject, before.HtmlBody), (after.Version, after.Subject, after.HtmlBody));
    }

    [Fact]
    public async Task A_multi_line_or_empty_subject_is_refused()
    {
        var (_, staff) = await app.NewTenantAsync();

        var response = await staff.PostFormAsync(EmailPaths.EditTemplate(EmailTemplateKeys.Invoice), Form("   ", "<p>Invoice</p>"));

        Assert.Equal("The subject is empty.", (await response.DocumentAsync()).TextOf("#Subject-error"));
    }

    [Fact]
    public async Task Script_in_a_customers_name_arrives_escaped_in_the_html_part_and_as_typed_in_the_text_part()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var to = Unique("mallory");

        await app.SendAsync(tenant, EmailTemplateKeys.Invitation, to, null, Invitation("<script>alert('x')</script> & Sons"));

        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), MailTimeout));
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> & Sons", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_template_that_fails_on_real_data_sends_the_default_and_shows_staff_the_error()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var to = Unique("boom");
        // Fine with the sample data (so it saves), but for this customer a runaway loop hits the sandbox's limit.
        var saved = await staff.PostFormAsync(EmailPaths.EditTemplate(EmailTemplateKeys.Invitation),
            Form("Hi {{ customer.name }}", "<p>{% if customer.name == 'Bo Oom' %}{% for i in (1..1000000) %}x{% endfor %}{% endif %}</p>"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await app.SendAsync(tenant, EmailTemplateKeys.Invitation, to, "Boom", Invitation("Bo Oom"));

        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), MailTimeout));
        Assert.Equal($"Your Green Acres {tenant.Name} customer portal is ready", mail.Subject);
        var list = await staff.PageAsync(EmailPaths.List);
        Assert.Contains("Failing", list.TextOf("#template-invitation"), StringComparison.Ordinal);
        Assert.Contains("standard version was sent instead", (await staff.PageAsync(EmailPaths.EditTemplate(EmailTemplateKeys.Invitation))).TextOf("#last-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_renders_the_unsaved_template_with_sample_data_in_a_sandboxed_frame_without_saving()
    {
        var (tenant, staff) = await app.NewTenantAsync();

        var response = await staff.PostFormAsync(EmailPaths.EditTemplate(EmailTemplateKeys.SignInLink),
            Form("Sign in to {{ site.company_name }}", "<p>Hi {{ recipient.name }}, <a href=\"{{ link }}\">go</a> within {{ expires_minutes }} minutes.</p>"),
            EmailPaths.Edit + "?handler=Preview&key=" + EmailTemplateKeys.SignInLink);

        var page = await response.DocumentAsync();
        Assert.Equal($"Sign in to Green Acres {tenant.Name}", page.TextOf("#preview-subject"));
        var frame = page.QuerySelector("iframe.email-preview")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("Hi Jordan Rivera, <a href=\"https://example.com/sign-in/link/sample-token\">go</a> within 15 minutes.", frame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        var stored = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<EmailTemplate>().AsNoTracking().SingleAsync(t => t.Key == EmailTemplateKeys.SignInLink));
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Reset_to_default_brings_back_the_standard_email()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var url = EmailPaths.EditTemplate(EmailTemplateKeys.Invoice);
        await staff.PostFormAsync(url, Form("Pay up", "<p>Now.</p>"));

        var reset = await staff.PostFormAsync(url, [], EmailPaths.Edit + "?handler=Reset&key=" + EmailTemplateKeys.Invoice);

        var page = await staff.FollowAsync(reset);
        Assert.Contains("back to the standard version", page.Flash(), StringComparison.Ordinal);
        Assert.Equal("Invoice {{ invoice.number }} from {{ site.company_name }}", page.GetElementById("Subject")!.GetAttribute("value"));
        var to = Unique("inv");
        await app.SendAsync(tenant, EmailTemplateKeys.Invoice, to, null, new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?> { ["name"] = "Ana" },
            ["invoice"] = new Dictionary<string, object?> { ["number"] = "INV-7", ["total"] = "$10.00", ["balance"] = "$10.00", ["due_date"] = "Dec 1" },
            ["link"] = "https://example.com/pay/1",
        });
        Assert.Equal($"Invoice INV-7 from Green Acres {tenant.Name}", Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), MailTimeout)).Subject);
    }
}
