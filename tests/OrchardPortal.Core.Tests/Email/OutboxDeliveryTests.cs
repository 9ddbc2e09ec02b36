using OrchardPortal.Core.Email;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>The dispatcher against a real SMTP server (maildev), on both storage providers.</summary>
public sealed class OutboxDeliveryTests
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(15);

    private static OutboundEmail Invoice(string to) => new()
    {
        To = to,
        ToName = "Casey Customer",
        Subject = "Invoice #1042 from Green Acres",
        HtmlBody = """
            <h1>Invoice #1042</h1>
            <p>Balance due: <b>$42.00</b> &mdash; thanks &amp; see you soon.</p>
            <p><a href="https://acme.localhost:5000/invoices/1042?pay=1&amp;src=email">Pay now</a></p>
            """,
        ReplyTo = "office@greenacres.example.com",
    };

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Committed_mail_is_delivered_to_the_SMTP_server_with_html_and_text_parts(StorageKind storage)
    {
        var maildev = await MailDevServer.GetAsync();
        await using var host = await EmailHost.StartAsync(maildev.SmtpPort, storage);
        var tenant = await host.CreateTenantAsync();
        var recipient = $"casey-{Guid.NewGuid():N}@customer.example.com";

        var id = await host.SendNowAsync(tenant, Invoice(recipient));

        var mail = Assert.Single(await maildev.WaitForMailAsync(m => m.IsFor(recipient), MailTimeout));
        Assert.Equal("Invoice #1042 from Green Acres", mail.Subject);
        Assert.Equal([recipient], mail.To);
        Assert.Equal("portal@orchardportal.test", mail.From);
        Assert.Contains("<b>$42.00</b>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Balance due: $42.00 — thanks & see you soon.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Pay now (https://acme.localhost:5000/invoices/1042?pay=1&src=email)", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{id:N}@orchardportal.test", mail.Headers["message-id"], StringComparison.Ordinal);
        Assert.Contains("office@greenacres.example.com", mail.Headers["reply-to"], StringComparison.Ordinal);
        Assert.Contains("Green Acres Lawn Care", mail.Headers["from"], StringComparison.Ordinal);

        var row = await host.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Sent);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentUtc);
        Assert.Null(row.LastError);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_dead_SMTP_server_delays_mail_and_it_is_delivered_exactly_once_after_the_backoff(StorageKind storage)
    {
        var maildev = await MailDevServer.GetAsync();
        var deadPort = FreePort.Next();
        await using var host = await EmailHost.StartAsync(deadPort, storage);
        var tenant = await host.CreateTenantAsync();
        var recipient = $"retry-{Guid.NewGuid():N}@customer.example.com";

        var before = host.Clock.GetUtcNow();
        var id = await host.SendNowAsync(tenant, Invoice(recipient));
        var failed = await host.WaitForMessageAsync(tenant, id, m => m.LastError is not null);
        Assert.Equal(OutboxState.Pending, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.InRange(failed.NextAttemptUtc, before + TimeSpan.FromSeconds(30), host.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));

        // The server is back, but the retry is not due yet: nothing may be sent before the backoff.
        await using var relay = TcpRelay.Start(deadPort, maildev.SmtpPort);
        await Task.Delay(EmailHost.PollInterval * 5);
        Assert.Equal(1, (await host.FindMessageAsync(tenant, id))!.Attempts);
        Assert.DoesNotContain(await maildev.GetAllAsync(), m => m.IsFor(recipient));

        host.Clock.Advance(TimeSpan.FromSeconds(31));
        await maildev.WaitForMailAsync(m => m.IsFor(recipient), MailTimeout);
        var sent = await host.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Sent);
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.LastError);

        // Later polls (and later clock jumps) must not send it again.
        host.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(EmailHost.PollInterval * 5);
        Assert.Single(await maildev.GetAllAsync(), m => m.IsFor(recipient));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_marked_failed_after_the_last_retry_and_left_alone()
    {
        await using var host = await EmailHost.StartAsync(FreePort.Next());
        var tenant = await host.CreateTenantAsync();

        var id = await host.SendNowAsync(tenant, Invoice("never@customer.example.com"));
        var expectedAttempts = OutboxOptions.DefaultRetryDelays.Count + 1;
        for (var attempt = 1; attempt < expectedAttempts; attempt++)
        {
            await host.WaitForMessageAsync(tenant, id, m => m.Attempts == attempt && m.State == OutboxState.Pending);
            host.Clock.Advance(TimeSpan.FromHours(25));
        }

        var failed = await host.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Failed);
        Assert.Equal(expectedAttempts, failed.Attempts);
        Assert.NotNull(failed.LastError);

        host.Clock.Advance(TimeSpan.FromDays(3));
        await Task.Delay(EmailHost.PollInterval * 5);
        Assert.Equal(expectedAttempts, (await host.FindMessageAsync(tenant, id))!.Attempts);
    }

    [Fact]
    public async Task Without_an_SMTP_host_mail_is_written_to_the_tenants_pickup_folder()
    {
        await using var host = await EmailHost.StartAsync(smtpPort: null);
        var tenant = await host.CreateTenantAsync();

        var id = await host.SendNowAsync(tenant, Invoice("pickup@customer.example.com"));

        var row = await host.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Sent);
        Assert.Equal(1, row.Attempts);
        var eml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(host.PickupFolder(tenant), "*.eml")));
        Assert.Contains("pickup@customer.example.com", eml, StringComparison.Ordinal);
        Assert.Contains("Subject: Invoice #1042 from Green Acres", eml, StringComparison.Ordinal);
        Assert.Contains("multipart/alternative", eml, StringComparison.Ordinal);
    }
}
