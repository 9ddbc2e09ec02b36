using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Emails.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests;

/// <summary>
/// The durability promise against a real SMTP server: stop it in the middle of a batch, start
/// it again, and every message arrives exactly once. Core's outbox tests cover a server that is down
/// before sending starts and a crash of our own process; this one stops the mail server mid-batch.
/// The stop is a shutdown (new connections refused, the session under way finishes, then the process
/// is killed): killing it between storing a message and answering "250" would make any SMTP client
/// send that one message again, as <c>OutboxDelivery</c>'s remarks explain.
/// </summary>
public sealed class OutboxRestartTests
{
    private const int Messages = 60;

    [Fact]
    public async Task Stopping_the_mail_server_mid_batch_and_restarting_it_delivers_every_message_exactly_once()
    {
        await using var maildev = await PrivateMailDev.StartAsync();
        // Sessions are reused across messages, so a message is cheap; a slower server keeps the batch
        // going long enough to be stopped in the middle of it.
        await using var gate = new SmtpGate(Testing.FreePort.Next(), maildev.SmtpPort) { MailDelay = TimeSpan.FromMilliseconds(100) };
        gate.Open();
        var retries = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = gate.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Timeout"] = "00:00:10",
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
        };
        for (var i = 0; i < 10; i++)
        {
            retries[$"Email:Outbox:RetryDelays:{i}"] = "00:00:01";
        }

        await using var app = PortalApp.CreateSqlite(retries);
        var tenant = await app.CreateTenantAsync();
        var marker = "batch" + Guid.NewGuid().ToString("N")[..10];
        var recipients = Enumerable.Range(1, Messages).Select(i => $"guest{i}-{marker}@example.com").ToList();

        // One save, as a bulk action would: all sixty commit together and the dispatcher starts on them.
        await app.InTenantScopeAsync(tenant.Name, async sp =>
        {
            var templates = sp.GetRequiredService<IEmailTemplateService>();
            var outbox = sp.GetRequiredService<IEmailOutbox>();
            foreach (var to in recipients)
            {
                outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.SignInLink, to, "Guest", new Dictionary<string, object?> { ["link"] = "https://example.com/s/" + to, ["expires_minutes"] = 15 }, CancellationToken.None));
            }

            return await sp.GetRequiredService<TenantDbContext>().SaveChangesAsync();
        });

        var watch = Stopwatch.StartNew();
        while (maildev.CountByRecipient(marker).Count < 3 && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(5);
        }

        await gate.CloseAsync();
        maildev.Kill();
        var beforeStop = maildev.CountByRecipient(marker).Count;
        Assert.InRange(beforeStop, 1, Messages - 1); // Otherwise the server was not stopped mid-batch.
        await Task.Delay(TimeSpan.FromSeconds(2)); // Some sends now fail and wait for their retry.
        var failedWhileDown = await app.InTenantScopeAsync(tenant.Name, sp => Task.FromResult(
            sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().Count(m => m.LastError != null)));
        await maildev.RestartAsync();
        gate.Open();

        var deadline = Stopwatch.StartNew();
        while (maildev.CountByRecipient(marker).Count < Messages && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(200);
        }

        var unsent = await WaitUntilSettledAsync(app, tenant);
        var counts = maildev.CountByRecipient(marker);
        Assert.True(failedWhileDown > 0, "No send failed while the server was down, so the test proved nothing.");
        Assert.Equal(0, unsent);
        Assert.Equal(recipients.Order(StringComparer.OrdinalIgnoreCase), counts.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.All(counts, pair => Assert.Equal(1, pair.Value));
    }

    private static async Task<int> WaitUntilSettledAsync(PortalApp app, TenantHandle tenant)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var unsent = await app.InTenantScopeAsync(tenant.Name, sp => Task.FromResult(
                sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().Count(m => m.State != OutboxState.Sent)));
            if (unsent == 0 || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                return unsent;
            }

            await Task.Delay(200);
        }
    }
}
