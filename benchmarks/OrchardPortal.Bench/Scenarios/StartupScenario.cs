using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Bench.Infrastructure;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Bench.Scenarios;

/// <summary>
/// Start-up with a large registry: a few real tenants made through signup, the rest of the registry
/// inserted straight into the host database (provisioning thousands fully would take too long, and
/// start-up only meets the registry, not tenant storage). Then: spawn the published app, time to the
/// first answered request; several runs, before and after the registry is filled.
/// </summary>
internal static class StartupScenario
{
    public static async Task RunAsync(BenchOptions options, string webDll, ResultTable results, CancellationToken cancellationToken)
    {
        Console.WriteLine($"== startup: {options.RegistryRows} registry rows ({options.RealTenants} real tenants), {options.Runs} runs, {(options.IsPostgres ? "PostgreSQL" : "SQLite")}");
        using var storage = await BenchStorage.CreateAsync(options.IsPostgres, "startup");
        var provider = storage.ProviderName;
        var realTenants = Enumerable.Range(1, options.RealTenants).Select(i => $"real{i:D3}").ToList();

        await using (var portal = InProcessPortal.Start(storage))
        {
            using var client = new PortalClient(portal.Port);
            var driver = new SignupDriver(client);
            foreach (var name in realTenants)
            {
                await driver.SignUpAsync(name, followOwner: false, cancellationToken);
            }
        }

        var small = await MeasureRunsAsync($"{options.RealTenants} registry rows", options, webDll, storage, realTenants[0], cancellationToken);

        var total = await FillRegistryAsync(storage, options.RegistryRows - options.RealTenants, cancellationToken);
        var large = await MeasureRunsAsync($"{total} registry rows", options, webDll, storage, realTenants[0], cancellationToken);

        var median = new Stats(large.Select(r => r.Startup)).P50;
        results.Add($"Process start → first served request, {total} registered tenants, {provider} (median of {options.Runs})", "≤ 1 s", Fmt.Ms(median), median <= 1000);
        results.Add($"… each run, {provider}", "", string.Join(", ", large.Select(r => Fmt.Ms(r.Startup))));
        results.Add($"… same with {options.RealTenants} registry rows (median), {provider}", "", Fmt.Ms(new Stats(small.Select(r => r.Startup)).P50));
        results.Add($"… server CPU time used by the first answer (median), {provider}", "", Fmt.Ms(new Stats(large.Select(r => r.Cpu)).P50));
        results.Add($"… then first request to a real tenant (median), {provider}", "", Fmt.Ms(new Stats(large.Select(r => r.FirstTenant)).P50));
    }

    private static async Task<List<(double Startup, double FirstTenant, double Cpu)>> MeasureRunsAsync(
        string label, BenchOptions options, string webDll, BenchStorage storage, string tenant, CancellationToken cancellationToken)
    {
        // One unmeasured start first, so every measured run finds the app's files in the OS cache alike.
        using (await PortalProcess.StartAsync(webDll, storage, TimeSpan.FromMinutes(2), cancellationToken))
        {
        }

        var runs = new List<(double, double, double)>();
        for (var run = 1; run <= options.Runs; run++)
        {
            using var process = await PortalProcess.StartAsync(webDll, storage, TimeSpan.FromMinutes(2), cancellationToken);
            using var client = new PortalClient(process.Port);
            var stopwatch = Stopwatch.StartNew();
            using var response = await client.GetAsync(client.Url($"{tenant}.localhost", "/"), cancellationToken);
            await PortalClient.ReadAsync(response, cancellationToken);
            var firstTenant = stopwatch.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{tenant}.localhost/ answered {(int)response.StatusCode} after start-up.");
            }

            Console.WriteLine($"   {label}, run {run}: spawn -> host site answered {Fmt.Ms(process.StartupTime.TotalMilliseconds)} (server CPU by then {Fmt.Ms(process.StartupCpuTime.TotalMilliseconds)}); then first tenant page {Fmt.Ms(firstTenant)}; load average {MachineLoad.LoadAverage()}");
            runs.Add((process.StartupTime.TotalMilliseconds, firstTenant, process.StartupCpuTime.TotalMilliseconds));
        }

        return runs;
    }

    /// <summary>
    /// Inserts registry rows through the host's own <see cref="HostDbContext"/> (so every column is stored
    /// the way the app stores it), without storage behind them. Returns the registry's row count.
    /// </summary>
    private static async Task<int> FillRegistryAsync(BenchStorage storage, int rows, CancellationToken cancellationToken)
    {
        await using var portal = InProcessPortal.Start(storage);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var now = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += 1000)
        {
            for (var i = start; i < Math.Min(rows, start + 1000); i++)
            {
                db.Add(new TenantRecord
                {
                    Name = $"reg{i:D6}",
                    CompanyName = $"Registered Company {i}",
                    State = TenantState.Running,
                    RecipeName = "default",
                    OwnerEmail = $"owner@reg{i:D6}.example.com",
                    CreatedUtc = now.AddSeconds(-i),
                    UpdatedUtc = now.AddSeconds(-i),
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var total = await db.Set<TenantRecord>().CountAsync(cancellationToken);
        Console.WriteLine($"   inserted {rows} registry rows directly into the host database in {stopwatch.Elapsed.TotalSeconds:F1} s; registry now holds {total}");
        return total;
    }
}
