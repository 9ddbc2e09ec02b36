using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// One autopay run over one tenant: plan the due charges, then claim them in batches and charge each claimed
/// one with bounded parallelism (each in its own scope and context), until nothing due is left unclaimed.
/// Nothing happens for a tenant that does not offer autopay.
/// </summary>
public sealed class AutopayTenantRun(
    TenantScope scope,
    TenantScopeFactory scopes,
    PortalSettingsService portal,
    BillingContext billing,
    AutopayPlanner planner,
    AutopayClaims claims,
    IOptionsMonitor<AutopayOptions> options,
    TimeProvider clock,
    ILogger<AutopayTenantRun> logger)
{
    public async Task<AutopaySummary> RunAsync(CancellationToken cancellationToken)
    {
        var tenant = scope.Required;
        var summary = new AutopaySummary();
        if (!(await portal.GetAsync(cancellationToken)).EnableAutoPay)
        {
            return summary;
        }

        summary.Planned = await planner.PlanAsync(await billing.TodayAsync(cancellationToken), cancellationToken);
        var settings = options.CurrentValue;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var outcomes = new ConcurrentBag<AutopayOutcome>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var (claimed, anyDue) = await claims.ClaimAsync(token, Math.Max(1, settings.ClaimBatchSize), now, now + settings.LeaseDuration, cancellationToken);
            if (!anyDue)
            {
                break;
            }

            // Not cancelled by the stopping token mid-charge: a charge started is finished (its lease covers it).
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxConcurrentCharges) }, async (id, _) =>
            {
                try
                {
                    await using var worker = scopes.CreateScope(tenant);
                    outcomes.Add(await worker.ServiceProvider.GetRequiredService<AutopayCharger>().ChargeAsync(id, token, CancellationToken.None));
                }
                catch (Exception exception)
                {
                    // The lease lapses and a later run takes it again, with the same key.
                    logger.LogError(exception, "Autopay charge {Charge} of tenant {Tenant} could not be completed; it is tried again later.", id, tenant.Name);
                    outcomes.Add(AutopayOutcome.Lost);
                }
            });
        }

        summary.Add(outcomes);
        return summary;
    }
}

/// <summary>What a run did (logs, tests and the benchmark read it).</summary>
public sealed class AutopaySummary
{
    public int Planned { get; set; }

    public Dictionary<AutopayOutcome, int> Outcomes { get; } = [];

    public int Count(AutopayOutcome outcome) => Outcomes.GetValueOrDefault(outcome);

    public void Add(IEnumerable<AutopayOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Outcomes[outcome] = Count(outcome) + 1;
        }
    }

    public void Add(AutopaySummary other)
    {
        Planned += other.Planned;
        foreach (var (outcome, count) in other.Outcomes)
        {
            Outcomes[outcome] = Count(outcome) + count;
        }
    }

    public override string ToString() =>
        $"planned {Planned}, " + string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key.ToString().ToLowerInvariant()} {o.Value}"));
}
