using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Delivers outbox mail in the background. It only visits tenants on the <see cref="OutboxSchedule"/>
/// (mail just committed, a tenant just activated, a retry come due), a few tenants at a time, and checks
/// the schedule every <see cref="OutboxOptions.PollInterval"/> on the injected clock. On shutdown it
/// stops taking messages and lets sends already under way finish.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxSchedule schedule,
    OutboxMarks marks,
    IServiceScopeFactory scopeFactory,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.DispatcherEnabled)
        {
            logger.LogInformation("The email outbox dispatcher is disabled on this node (Email:Outbox:DispatcherEnabled)");
            return;
        }

        await ScheduleMarkedTenantsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = schedule.TakeDue(clock.GetUtcNow());
            if (due.Count == 0)
            {
                await schedule.WaitAsync(options.CurrentValue.PollInterval, clock, stoppingToken);
                continue;
            }

            // Not cancelled by the stopping token: each tenant's run checks it between messages itself.
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.MaxConcurrentTenants) },
                async (tenantName, _) => await VisitTenantAsync(tenantName, stoppingToken));
        }
    }

    private async Task VisitTenantAsync(string tenantName, CancellationToken stoppingToken)
    {
        try
        {
            var tenant = await FindTenantAsync(tenantName, stoppingToken);
            switch (tenant?.State)
            {
                case null:
                    await marks.ClearAsync(tenantName, stoppingToken);
                    return; // Deleted: its mail went with it.
                case TenantState.Disabled:
                    return; // Kept, and looked at again when the tenant is next activated.
                case TenantState.Provisioning:
                    // Mail committed by the recipe waits until provisioning has finished (it may still fail).
                    schedule.ScheduleAt(tenantName, clock.GetUtcNow() + options.CurrentValue.PollInterval);
                    return;
            }

            await using var scope = scopeFactory.CreateAsyncScope();
            var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
            var next = await delivery.DeliverDueAsync(tenant, stoppingToken);
            if (next is { } when)
            {
                schedule.ScheduleAt(tenantName, when);
            }
            else
            {
                await marks.ClearAsync(tenantName, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; activation after the restart picks the tenant up again.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not process the email outbox of tenant {Tenant}; trying again later", tenantName);
            schedule.ScheduleAt(tenantName, clock.GetUtcNow() + options.CurrentValue.TenantErrorDelay);
        }
    }

    /// <summary>
    /// Tenants a previous process (or another node) left mail for: looked at now, rather than when
    /// someone next happens to visit them.
    /// </summary>
    private async Task ScheduleMarkedTenantsAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var tenantName in await marks.ListAsync(stoppingToken))
            {
                schedule.Signal(tenantName);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not read which tenants have outbox mail; each is looked at when next activated");
        }
    }

    private async Task<TenantRecord?> FindTenantAsync(string tenantName, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        return await db.Set<TenantRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.Name == tenantName, cancellationToken);
    }
}
