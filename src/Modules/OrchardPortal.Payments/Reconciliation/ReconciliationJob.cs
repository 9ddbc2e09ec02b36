using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Payments.Reconciliation;

/// <summary>One reconciliation pass over every running tenant; a tenant that fails is logged and left for the next pass.</summary>
public sealed class ReconciliationJob(IServiceScopeFactory scopeFactory, TenantScopeFactory tenants, ILogger<ReconciliationJob> logger)
{
    public async Task<ReconciliationSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<TenantRecord> running;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            running = await scope.ServiceProvider.GetRequiredService<HostDbContext>().Set<TenantRecord>().AsNoTracking()
                .Where(t => t.State == TenantState.Running).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        }

        var total = new ReconciliationSummary();
        foreach (var tenant in running)
        {
            try
            {
                await using var scope = tenants.CreateScope(tenant);
                var summary = await scope.ServiceProvider.GetRequiredService<PaymentReconciler>().RunAsync(cancellationToken);
                if (summary.Checked > 0)
                {
                    logger.LogInformation("Payment reconciliation for tenant {Tenant}: {Summary}", tenant.Name, summary);
                }

                total.Add(summary);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Payment reconciliation for tenant {Tenant} failed; the next pass tries again.", tenant.Name);
            }
        }

        return total;
    }
}

/// <summary>
/// Runs <see cref="ReconciliationJob"/> at start-up (what a crashed process left behind) and then every
/// <see cref="ReconciliationOptions.Interval"/>. Every node may run it: asking twice changes nothing, and a request
/// sent again carries its idempotency key.
/// </summary>
public sealed class ReconciliationBackgroundService(ReconciliationJob job, IOptionsMonitor<ReconciliationOptions> options, TimeProvider clock, ILogger<ReconciliationBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.JobEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The payment reconciliation pass failed; trying again after the interval.");
            }

            try
            {
                await Task.Delay(options.CurrentValue.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
