using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>Several nodes dispatch one tenant's outbox at once: the conditional claim lets exactly one send each message.</summary>
public sealed class OutboxConcurrencyTests
{
    private const int MessageCount = 30;

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Two_nodes_dispatching_the_same_outbox_send_every_message_exactly_once(StorageKind storage)
    {
        var maildev = await MailDevServer.GetAsync();
        await using var first = await EmailHost.StartAsync(maildev.SmtpPort, storage);
        await using var second = await EmailHost.StartAsync(maildev.SmtpPort, sameStorageAs: first);
        var tenant = await first.CreateTenantAsync();
        var batch = Guid.NewGuid().ToString("N")[..10];
        var recipients = Enumerable.Range(1, MessageCount).Select(i => $"node-{batch}-{i}@customer.example.com").ToArray();

        await first.InTenantAsync(tenant, async sp =>
        {
            var outbox = sp.GetRequiredService<IEmailOutbox>();
            foreach (var recipient in recipients)
            {
                outbox.Enqueue(new OutboundEmail { To = recipient, Subject = "Route change", HtmlBody = "<p>New day: Tuesday.</p>" });
            }

            return await sp.GetRequiredService<TenantDbContext>().SaveChangesAsync();
        });
        // The first node was signalled by its own commit; wake the second as another node's activation would.
        second.Services.GetRequiredService<OutboxSchedule>().Signal(tenant.Name);

        var rows = await WaitUntilAllSentAsync(first, tenant);
        await Task.Delay(EmailHost.PollInterval * 5);
        var received = (await maildev.GetAllAsync()).Where(m => m.To.Any(t => t.Contains(batch, StringComparison.Ordinal))).ToList();
        Assert.Equal(recipients.Order(), received.SelectMany(m => m.To).Order());
        Assert.All(rows, row => Assert.Equal(1, row.Attempts));
    }

    private static async Task<List<OutboxMessage>> WaitUntilAllSentAsync(EmailHost host, Core.Tenancy.TenantRecord tenant)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync());
            if (rows.Count == MessageCount && rows.All(r => r.State == OutboxState.Sent))
            {
                return rows;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {rows.Count(r => r.State == OutboxState.Sent)} of {MessageCount} messages were sent.");
            await Task.Delay(50);
        }
    }
}
