using System.Net;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Emails.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests;

public sealed class SendSampleTests(EmailsApp app) : IClassFixture<EmailsApp>
{
    private static string Unique(string local) => $"{local}-{Guid.NewGuid():N}"[..(local.Length + 9)] + "@example.com";

    private static string SendSample(string key) => EmailPaths.Edit + "?handler=SendSample&key=" + key;

    [Fact]
    public async Task Send_sample_queues_the_saved_template_with_sample_data_to_the_typed_address()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var to = Unique("sample");

        var response = await staff.PostFormAsync(EmailPaths.EditTemplate(EmailTemplateKeys.PaymentReceipt), [new("SampleTo", "  " + to.ToUpperInvariant() + " ")], SendSample(EmailTemplateKeys.PaymentReceipt));

        Assert.Contains($"Sample queued: “Payment receipt” is on its way to {to.ToUpperInvariant()}", (await staff.FollowAsync(response)).Flash(), StringComparison.Ordinal);
        var mail = Assert.Single(await app.Mail.WaitForMailAsync(m => m.IsFor(to), TimeSpan.FromSeconds(30)));
        Assert.Equal("[Sample] Thanks for your payment of $210.00", mail.Subject);
        Assert.Contains("Mastercard ending 4444", mail.Html, StringComparison.Ordinal);
        Assert.Contains("INV-1042", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"Green Acres {tenant.Name}", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_sample_address_gets_a_message_and_no_mail()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var marker = "not-an-address-" + tenant.Name;

        var response = await staff.PostFormAsync(EmailPaths.EditTemplate(EmailTemplateKeys.Invoice), [new("SampleTo", marker)], SendSample(EmailTemplateKeys.Invoice));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Equal("Enter a full email address, like you@example.com.", page.TextOf("#SampleTo-error"));
        Assert.Equal(marker, page.GetElementById("SampleTo")!.GetAttribute("value"));
        Assert.DoesNotContain(await app.Mail.GetAllAsync(), m => m.To.Any(t => t.Contains(marker, StringComparison.Ordinal)));
        var queued = await app.InTenantAsync(tenant, sp => Task.FromResult(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Data.TenantDbContext>(sp).Set<Core.Email.OutboxMessage>().Count(m => m.Subject.StartsWith("[Sample]"))));
        Assert.Equal(0, queued);
    }
}
