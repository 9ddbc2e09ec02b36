using System.Diagnostics;
using System.Net.Mail;
using System.Text;
using OrchardPortal.Core.Email;
using OrchardPortal.Testing;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>
/// Our own SMTP client against maildev (which parses what we write, as a mail program would), through a
/// relay on a port of the test's own so it can count and drop connections.
/// </summary>
public sealed class SmtpSenderTests
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Non_ASCII_long_subjects_and_quoted_names_arrive_exactly_as_written()
    {
        var maildev = await MailDevServer.GetAsync();
        await using var relay = TcpRelay.Start(FreePort.Next(), maildev.SmtpPort);
        var sender = Sender(relay, "Jardinería \"Los Álamos\" — Office");
        var to = $"zoe-{Guid.NewGuid():N}@customer.example.com";
        var subject = "Rechnung für Gärtnerarbeiten im Oktober — bitte bis zum 15. überweisen, danke schön! 🌳 " + new string('x', 40);

        await sender.SendAsync(new OutboundEmail { To = to, ToName = "Zoë \"Z\" O'Brien", Subject = subject, HtmlBody = "<p>Grüße aus dem Garten ✿</p>" }, Guid.NewGuid(), CancellationToken.None);

        var mail = Assert.Single(await maildev.WaitForMailAsync(m => m.IsFor(to), MailTimeout));
        Assert.Equal(subject, mail.Subject);
        Assert.Contains("Grüße aus dem Garten ✿", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Grüße aus dem Garten ✿", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Jardinería \"Los Álamos\" — Office", Decode(mail.Headers["from"]), StringComparison.Ordinal);
        Assert.Contains("Zoë \"Z\" O'Brien", Decode(mail.Headers["to"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_in_a_subject_cannot_add_headers()
    {
        var maildev = await MailDevServer.GetAsync();
        await using var relay = TcpRelay.Start(FreePort.Next(), maildev.SmtpPort);
        var to = $"inject-{Guid.NewGuid():N}@customer.example.com";
        var hidden = $"hidden-{Guid.NewGuid():N}@attacker.example.com";

        await Sender(relay).SendAsync(new OutboundEmail { To = to, Subject = $"Hello\r\nBcc: {hidden}\r\nX-Evil: 1", HtmlBody = "<p>.hi</p>\r\n.\r\n<p>after a lone dot</p>" }, Guid.NewGuid(), CancellationToken.None);

        var mail = Assert.Single(await maildev.WaitForMailAsync(m => m.IsFor(to), MailTimeout));
        Assert.False(mail.Headers.ContainsKey("x-evil"));
        Assert.False(mail.IsFor(hidden));
        Assert.StartsWith("Hello", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("after a lone dot", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_messages_share_one_connection()
    {
        var maildev = await MailDevServer.GetAsync();
        await using var relay = TcpRelay.Start(FreePort.Next(), maildev.SmtpPort);
        var sender = Sender(relay);
        var marker = Guid.NewGuid().ToString("N")[..12];

        for (var i = 0; i < 20; i++)
        {
            await sender.SendAsync(new OutboundEmail { To = $"m{i}-{marker}@customer.example.com", Subject = $"Message {i}", HtmlBody = $"<p>{i}</p>" }, Guid.NewGuid(), CancellationToken.None);
        }

        // Each send returned after the server's "250"; maildev files a message a moment after answering, so wait
        // until its store has all twenty (or it is clear some never came).
        var received = new List<ReceivedMail>();
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < MailTimeout; await Task.Delay(50))
        {
            received = [.. (await maildev.GetAllAsync()).Where(m => m.To.Any(a => a.Contains(marker, StringComparison.Ordinal)))];
            if (received.Count >= 20)
            {
                break;
            }
        }

        Assert.Equal(20, received.Count);
        Assert.Equal(1, relay.Accepted);
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_replaced_and_the_message_goes_out_once()
    {
        var maildev = await MailDevServer.GetAsync();
        await using var relay = TcpRelay.Start(FreePort.Next(), maildev.SmtpPort);
        var sender = Sender(relay);
        var first = $"first-{Guid.NewGuid():N}@customer.example.com";
        var second = $"second-{Guid.NewGuid():N}@customer.example.com";
        await sender.SendAsync(new OutboundEmail { To = first, Subject = "One", HtmlBody = "<p>1</p>" }, Guid.NewGuid(), CancellationToken.None);

        relay.DropAll();
        await sender.SendAsync(new OutboundEmail { To = second, Subject = "Two", HtmlBody = "<p>2</p>" }, Guid.NewGuid(), CancellationToken.None);

        Assert.Single(await maildev.WaitForMailAsync(m => m.IsFor(second), MailTimeout));
        Assert.Single(await maildev.GetAllAsync(), m => m.IsFor(first));
        Assert.Equal(2, relay.Accepted);
    }

    [Fact]
    public async Task A_server_that_is_down_fails_the_send_with_a_clear_message()
    {
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = FreePort.Next(), Timeout = TimeSpan.FromSeconds(5) }, new MailAddress("portal@orchardportal.test"));

        var failure = await Assert.ThrowsAsync<SmtpException>(() => sender.SendAsync(new OutboundEmail { To = "a@b.example.com", Subject = "x", HtmlBody = "<p>x</p>" }, Guid.NewGuid(), CancellationToken.None));

        Assert.Contains("Could not talk to the mail server 127.0.0.1:", failure.Message, StringComparison.Ordinal);
    }

    private static SmtpEmailSender Sender(TcpRelay relay, string fromName = "Green Acres Lawn Care") =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = relay.Port, Timeout = TimeSpan.FromSeconds(10) }, new MailAddress("portal@orchardportal.test", fromName, Encoding.UTF8));

    // maildev reports raw headers: names are still RFC 2047 words there (adjacent words join without the space).
    private static string Decode(string header) => System.Text.RegularExpressions.Regex.Replace(
        System.Text.RegularExpressions.Regex.Replace(header, @"\?=\s+=\?", "?==?"),
        @"=\?utf-8\?B\?([^?]*)\?=",
        match => Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)),
        System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
