using System.Net.Mail;
using OrchardPortal.Core.Email;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>Encryption and logins, against a TLS-capable test server with its own self-signed certificate.</summary>
public sealed class SmtpTlsTests
{
    [Fact]
    public async Task STARTTLS_encrypts_before_logging_in_and_sending()
    {
        await using var server = new TlsSmtpServer(implicitTls: false);
        var to = $"tls-{Guid.NewGuid():N}@customer.example.com";

        await Sender(server, SmtpTlsMode.StartTls).SendAsync(Mail(to), Guid.NewGuid(), CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.True(received.Encrypted);
        Assert.Equal("mailer", received.LoggedInAs);
        Assert.Equal(to, received.To);
        Assert.Contains("Subject: Your invoice", received.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Implicit_TLS_on_connect_works_with_a_LOGIN_only_server()
    {
        await using var server = new TlsSmtpServer(implicitTls: true, offerStartTls: false, authMechanisms: "LOGIN");

        await Sender(server, SmtpTlsMode.SslOnConnect).SendAsync(Mail("implicit@customer.example.com"), Guid.NewGuid(), CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.True(received.Encrypted);
        Assert.Equal("mailer", received.LoggedInAs);
    }

    [Fact]
    public async Task A_server_without_STARTTLS_is_refused_when_encryption_is_required_and_nothing_is_sent_in_the_clear()
    {
        await using var server = new TlsSmtpServer(implicitTls: false, offerStartTls: false);

        var failure = await Assert.ThrowsAsync<SmtpException>(() => Sender(server, SmtpTlsMode.StartTls).SendAsync(Mail("clear@customer.example.com"), Guid.NewGuid(), CancellationToken.None));

        Assert.Contains("does not offer STARTTLS", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default()
    {
        await using var server = new TlsSmtpServer(implicitTls: false);
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, TlsMode = SmtpTlsMode.StartTls, UserName = server.User, Password = server.Password, Timeout = TimeSpan.FromSeconds(10) }, new MailAddress("portal@orchardportal.test"));

        var failure = await Assert.ThrowsAsync<SmtpException>(() => sender.SendAsync(Mail("untrusted@customer.example.com"), Guid.NewGuid(), CancellationToken.None));

        Assert.Contains("encrypted connection", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_servers_answer()
    {
        await using var server = new TlsSmtpServer(implicitTls: false);
        var sender = Sender(server, SmtpTlsMode.StartTls, password: "wrong-password");

        var failure = await Assert.ThrowsAsync<SmtpException>(() => sender.SendAsync(Mail("nope@customer.example.com"), Guid.NewGuid(), CancellationToken.None));

        Assert.Contains("535", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    private static OutboundEmail Mail(string to) => new() { To = to, Subject = "Your invoice", HtmlBody = "<p>Balance due: $42.00</p>" };

    private static SmtpEmailSender Sender(TlsSmtpServer server, SmtpTlsMode mode, string? password = null) => new(
        new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            TlsMode = mode,
            UserName = server.User,
            Password = password ?? server.Password,
            Timeout = TimeSpan.FromSeconds(10),
            CertificateValidation = server.Trusts,
        },
        new MailAddress("portal@orchardportal.test"));
}
