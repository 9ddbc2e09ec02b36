using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>One autopay run over every running tenant of the registry, a few tenants at a time.</summary>
public sealed class AutopayJob(IServiceScopeFactory scopeFactory, TenantScopeFactory tenants, IOptionsMonitor<AutopayOptions> options, ILogger<AutopayJob> logger)
{
    public async Task<AutopaySummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<TenantRecord> running;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            running = await scope.ServiceProvider.GetRequiredService<HostDbContext>().Set<TenantRecord>().AsNoTracking()
                .Where(t => t.State == TenantState.Running).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        }

        var total = new AutopaySummary();
        var gate = new Lock();
        await Parallel.ForEachAsync(running, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.MaxConcurrentTenants), CancellationToken = cancellationToken },
            async (tenant, token) =>
            {
                var summary = await RunTenantAsync(tenant, token);
                lock (gate)
                {
                    total.Add(summary);
                }
            });
        return total;
    }

    /// <summary>One tenant's run; a tenant that fails is logged and left for the next run, never stopping the others.</summary>
    public async Task<AutopaySummary> RunTenantAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = tenants.CreateScope(tenant);
            var summary = await scope.ServiceProvider.GetRequiredService<AutopayTenantRun>().RunAsync(cancellationToken);
            if (summary.Planned > 0 || summary.Outcomes.Count > 0)
            {
                logger.LogInformation("Autopay run for tenant {Tenant}: {Summary}", tenant.Name, summary);
            }

            return summary;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "The autopay run for tenant {Tenant} failed; the next run tries again.", tenant.Name);
            return new AutopaySummary();
        }
    }
}

/// <summary>
/// Runs <see cref="AutopayJob"/> every <see cref="AutopayOptions.Interval"/> on the injected clock. Every node may
/// run it (claims keep each charge to one node); <c>Payments:Autopay:JobEnabled=false</c> switches it off on a node.
/// </summary>
public sealed class AutopayBackgroundService(AutopayJob job, IOptionsMonitor<AutopayOptions> options, TimeProvider clock, ILogger<AutopayBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.JobEnabled)
        {
            logger.LogInformation("The autopay job is disabled on this node (Payments:Autopay:JobEnabled)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
                await Task.Delay(options.CurrentValue.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The autopay job failed; trying again after the interval.");
                await Task.Delay(options.CurrentValue.Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
