using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Emails.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests;

/// <summary>The office's autopay failures email is a template like the others: listed, editable, and "Send sample" shows the table of failures.</summary>
public sealed class AutopayOfficeTemplateTests(EmailsApp app) : IClassFixture<EmailsApp>
{
    private const string Key = EmailTemplateKeys.AutopayFailuresOffice;

    [Fact]
    public async Task Send_sample_of_the_office_autopay_email_lists_a_retrying_and_a_stopped_charge_in_a_table()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var to = $"office-{Guid.NewGuid():N}"[..16] + "@example.com";
        var list = await staff.PageAsync(EmailPaths.List);
        Assert.Contains("Autopay failures (to the office)", list.TextOf("#template-" + Key), StringComparison.Ordinal);

        await staff.PostFormAsync(EmailPaths.EditTemplate(Key), [new("SampleTo", to)], EmailPaths.Edit + "?handler=SendSample&key=" + Key);

        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), TimeSpan.FromSeconds(30)));
        Assert.Equal("[Sample] Automatic payments: 2 failed", mail.Subject);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.Html!);
        var rows = html.QuerySelectorAll("tbody tr").Where(r => r.Children.Count(c => c.LocalName == "td") == 5).Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Stopped after 3 tries", rows[1], StringComparison.Ordinal);
        Assert.Contains("Will retry on November 24, 2026", rows[0], StringComparison.Ordinal);
        Assert.Contains("INV-1042", rows[0], StringComparison.Ordinal);
        Assert.Contains("Account 100245", rows[0], StringComparison.Ordinal);
        Assert.Contains($"Green Acres {tenant.Name}", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Open Autopay: https://example.com/admin/autopay", mail.Text, StringComparison.Ordinal);
    }
}
