using System.Net.Mail;
using Xunit.Abstractions;

namespace OrchardPortal.Testing.Tests;

public sealed class MailDevServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mail_sent_over_smtp_is_read_back_through_the_rest_api()
    {
        var maildev = await MailDevServer.GetAsync();
        output.WriteLine($"maildev SMTP {maildev.SmtpPort}, web {maildev.WebUri}, started in {maildev.StartupTime.TotalMilliseconds:F0} ms");
        // A recipient of its own, because other tests share this server.
        var recipient = $"owner-{Guid.NewGuid():N}@acme.example";

        using (var smtp = new SmtpClient(maildev.SmtpHost, maildev.SmtpPort))
        using (var message = new MailMessage("portal@orchardportal.example", recipient))
        {
            message.Subject = "Your invoice #1001";
            message.Body = "<p>Balance due: <b>$42.00</b></p>";
            message.IsBodyHtml = true;
            await smtp.SendMailAsync(message);
        }

        var received = await maildev.WaitForMailAsync(m => m.IsFor(recipient), TimeSpan.FromSeconds(10));

        var mail = Assert.Single(received);
        Assert.Equal("Your invoice #1001", mail.Subject);
        Assert.Equal("portal@orchardportal.example", mail.From);
        Assert.Equal([recipient], mail.To);
        Assert.Contains("<b>$42.00</b>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_mail_that_never_comes_times_out_with_a_clear_message()
    {
        var maildev = await MailDevServer.GetAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            maildev.WaitForMailAsync(m => m.IsFor("nobody@nowhere.example"), TimeSpan.FromMilliseconds(300)));

        Assert.Contains("No matching mail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_maildev_ports_are_on_loopback()
    {
        var maildev = await MailDevServer.GetAsync();

        Assert.Equal("127.0.0.1", maildev.SmtpHost);
        Assert.Equal("127.0.0.1", maildev.WebUri.Host);
        Assert.NotEqual(maildev.SmtpPort, maildev.WebUri.Port);
    }
}
