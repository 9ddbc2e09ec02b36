using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// One autopay run over one tenant: plan the due charges, then claim them in batches and charge each batch
/// together (<see cref="AutopayBatch"/>, a few batches at once, each in its own scope and context), until
/// nothing due is left unclaimed.
/// Nothing happens for a tenant that does not offer autopay.
/// </summary>
public sealed class AutopayTenantRun(
    TenantScope scope,
    TenantScopeFactory scopes,
    TenantDbContext db,
    PortalSettingsService portal,
    BillingContext billing,
    AutopayPlanner planner,
    AutopayClaims claims,
    AutopayOfficeDigest digest,
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
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        using var turns = new AutopayTurns(settings.MaxConcurrentCharges, writers: sqlite ? 1 : settings.MaxConcurrentBatches);

        // A few batches at once, so one batch's database work overlaps another's gateway calls. A charge started
        // is finished (its lease covers it): the stopping token only stops new claims.
        await Parallel.ForEachAsync(ClaimedAsync(token, turns, cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxConcurrentBatches) },
            async (claimed, _) =>
            {
                digest.Track(claimed);
                foreach (var outcome in await ChargeBatchAsync(tenant, claimed, token, turns))
                {
                    outcomes.Add(outcome);
                }
            });
        summary.Add(outcomes);
        // After the charges: one email to the office listing this run's failures (charges made are reported even when stopping).
        await digest.SendAsync(CancellationToken.None);
        return summary;
    }

    /// <summary>Due charges, a batch per claim (the claim is a write: it takes the run's write turn), until none is left unclaimed.</summary>
    private async IAsyncEnumerable<IReadOnlyList<string>> ClaimedAsync(string token, AutopayTurns turns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var (claimed, anyDue) = await turns.WriteAsync(() => claims.ClaimAsync(token, Math.Max(1, settings.ClaimBatchSize), now, now + settings.LeaseDuration, cancellationToken));
            if (!anyDue)
            {
                yield break;
            }

            if (claimed.Count > 0)
            {
                yield return claimed;
            }
        }
    }

    /// <summary>One claimed batch: charged together, and what the batch hands back charged one by one.</summary>
    private async Task<List<AutopayOutcome>> ChargeBatchAsync(TenantRecord tenant, IReadOnlyList<string> claimed, string token, AutopayTurns turns)
    {
        List<AutopayOutcome> outcomes;
        List<string> oneByOne;
        try
        {
            await using var batch = scopes.CreateScope(tenant);
            (outcomes, oneByOne) = await batch.ServiceProvider.GetRequiredService<AutopayBatch>().ChargeAsync(claimed, token, turns, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Nothing is lost: each charge keeps its key, and alone it finds its attempt and asks the gateway again.
            logger.LogError(exception, "Autopay batch of tenant {Tenant} failed; charging its {Count} charges one by one.", tenant.Name, claimed.Count);
            (outcomes, oneByOne) = ([], [.. claimed]);
        }

        var single = new ConcurrentBag<AutopayOutcome>();
        await Parallel.ForEachAsync(oneByOne, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.MaxConcurrentCharges) }, async (id, _) =>
        {
            try
            {
                await using var worker = scopes.CreateScope(tenant);
                single.Add(await worker.ServiceProvider.GetRequiredService<AutopayCharger>().ChargeAsync(id, token, turns, CancellationToken.None));
            }
            catch (Exception exception)
            {
                // The lease lapses and a later run takes it again, with the same key.
                logger.LogError(exception, "Autopay charge {Charge} of tenant {Tenant} could not be completed; it is tried again later.", id, tenant.Name);
                single.Add(AutopayOutcome.Lost);
            }
        });
        return [.. outcomes, .. single];
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
