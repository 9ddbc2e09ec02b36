using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Delivers one tenant's due messages. Each message is claimed with a conditional update
/// (Pending → Sending, only if still due), so of several dispatchers (nodes) exactly one sends it.
/// </summary>
/// <remarks>
/// The guarantee is at-least-once with a one-message window: if the process dies after the mail server
/// accepted a message but before "Sent" is written, that message is sent again once its claim lapses
/// (<see cref="OutboxOptions.ClaimDuration"/>). No transport can close that window without the server's
/// help; the resend carries the same Message-ID, so mail clients can tell it is the same mail.
/// </remarks>
internal sealed class OutboxDelivery(
    TenantScopeFactory scopes,
    IEmailSenderResolver senders,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Sends what is due; returns when the tenant next needs a look, or null when nothing is left.</summary>
    public async Task<DateTimeOffset?> DeliverDueAsync(TenantRecord tenant, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateScope(tenant);
        var messages = scope.ServiceProvider.GetRequiredService<TenantDbContext>().Set<OutboxMessage>();
        var settings = options.CurrentValue;
        IEmailSender? sender = null;

        // SQLite lets one writer at a time into a tenant's file, and a writer that finds it busy waits in
        // the provider's coarse retry loop; our own workers therefore take turns for their few writes.
        using var writes = new SemaphoreSlim(1, 1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = await messages.Where(IsDue(clock.GetUtcNow()))
                .OrderBy(m => m.NextAttemptUtc)
                .Select(m => m.Id)
                .Take(settings.BatchSize)
                .ToListAsync(stoppingToken);
            if (due.Count == 0)
            {
                break;
            }

            sender ??= await senders.ResolveAsync(tenant, stoppingToken);
            var resolved = sender;

            // A bulk action queues thousands of messages for one tenant. Several workers (each with its
            // own context: a DbContext serves one operation at a time) each claim a few messages with one
            // conditional update and send them over one pooled SMTP session; the claim still guarantees
            // each message goes out once, and a handful per claim keeps it well inside its duration.
            await Parallel.ForEachAsync(
                due.Chunk(Math.Max(1, settings.MessagesPerClaim)),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxConcurrentSendsPerTenant) },
                async (ids, _) =>
                {
                    if (stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }

                    await using var worker = scopes.CreateScope(tenant);
                    var workerMessages = worker.ServiceProvider.GetRequiredService<TenantDbContext>().Set<OutboxMessage>();
                    await DeliverAsync(tenant, workerMessages, resolved, ids, settings, writes, stoppingToken);
                });

            if (due.Count < settings.BatchSize)
            {
                break;
            }
        }

        return await NextDueAsync(messages, stoppingToken);
    }

    private async Task DeliverAsync(TenantRecord tenant, DbSet<OutboxMessage> messages, IEmailSender sender, Guid[] ids, OutboxOptions settings, SemaphoreSlim writes, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        int claimed;
        await writes.WaitAsync(stoppingToken);
        try
        {
            claimed = await messages.Where(m => ids.Contains(m.Id)).Where(IsDue(now)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Sending)
                    .SetProperty(m => m.ClaimedUntil, now + settings.ClaimDuration)
                    .SetProperty(m => m.ClaimToken, claim)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                stoppingToken);
        }
        finally
        {
            writes.Release();
        }

        if (claimed == 0)
        {
            return; // Another dispatcher took them first.
        }

        // From here on the messages are ours: shutdown must not strand them in Sending for a whole claim.
        var mine = await messages.AsNoTracking().Where(m => m.ClaimToken == claim).OrderBy(m => m.NextAttemptUtc).ToListAsync(CancellationToken.None);
        foreach (var message in mine)
        {
            try
            {
                // Not cancelled on shutdown: abandoning a send half-way is what causes a duplicate. The send
                // is bounded by the sender's own timeout instead.
                await sender.SendAsync(message.ToOutboundEmail(), message.Id, CancellationToken.None);
            }
            catch (Exception exception)
            {
                await WriteAsync(writes, () => RecordFailureAsync(tenant, messages, message, claim, exception, settings));
                continue;
            }

            var sent = await WriteAsync(writes, () => messages.Where(m => m.Id == message.Id && m.ClaimToken == claim).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Sent)
                    .SetProperty(m => m.SentUtc, clock.GetUtcNow())
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.ClaimToken, (Guid?)null),
                CancellationToken.None));
            if (sent == 0)
            {
                logger.LogWarning("Outbox message {MessageId} of tenant {Tenant} was sent after its claim lapsed; another dispatcher may send it again", message.Id, tenant.Name);
            }
        }
    }

    // Outcome writes are not cancelled: a message the server accepted must be recorded as sent.
    private static async Task<T> WriteAsync<T>(SemaphoreSlim writes, Func<Task<T>> write)
    {
        await writes.WaitAsync(CancellationToken.None);
        try
        {
            return await write();
        }
        finally
        {
            writes.Release();
        }
    }

    private async Task<int> RecordFailureAsync(TenantRecord tenant, DbSet<OutboxMessage> messages, OutboxMessage message, Guid claim, Exception exception, OutboxOptions settings)
    {
        var now = clock.GetUtcNow();
        var delay = exception is PermanentEmailFailureException ? null : settings.RetryDelayAfter(message.Attempts);
        var state = delay is null ? OutboxState.Failed : OutboxState.Pending;
        var error = Describe(exception);
        var next = delay is null ? message.NextAttemptUtc : now + delay.Value;
        var updated = await messages.Where(m => m.Id == message.Id && m.ClaimToken == claim).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, state)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.LastError, error),
            CancellationToken.None);
        if (state == OutboxState.Failed)
        {
            logger.LogError(exception, "Gave up on email {MessageId} of tenant {Tenant} after {Attempts} attempt(s)", message.Id, tenant.Name, message.Attempts);
        }
        else
        {
            logger.LogWarning("Email {MessageId} of tenant {Tenant} failed (attempt {Attempts}), retrying in {Delay}: {Error}", message.Id, tenant.Name, message.Attempts, delay, error);
        }

        return updated;
    }

    private static async Task<DateTimeOffset?> NextDueAsync(DbSet<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var pending = await messages.Where(m => m.State == OutboxState.Pending).OrderBy(m => m.NextAttemptUtc)
            .Select(m => (DateTimeOffset?)m.NextAttemptUtc).FirstOrDefaultAsync(cancellationToken);
        var claimed = await messages.Where(m => m.State == OutboxState.Sending).OrderBy(m => m.ClaimedUntil)
            .Select(m => m.ClaimedUntil).FirstOrDefaultAsync(cancellationToken);
        return (pending, claimed) switch
        {
            (null, null) => null,
            ({ } p, null) => p,
            (null, { } c) => c,
            ({ } p, { } c) => p < c ? p : c,
        };
    }

    // Pending and due, or stuck in Sending past its claim (its dispatcher died mid-send).
    private static Expression<Func<OutboxMessage, bool>> IsDue(DateTimeOffset now) =>
        m => (m.State == OutboxState.Pending && m.NextAttemptUtc <= now) || (m.State == OutboxState.Sending && m.ClaimedUntil <= now);

    private static string Describe(Exception exception)
    {
        var text = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text += " → " + inner.Message;
        }

        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
