using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Bench.Infrastructure;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Bench.Scenarios;

/// <summary>
/// Tenant density: provision N tenants through the signup form and serve each one page, in one process;
/// compare memory after a full GC against the baseline after the first few tenants. Then restart (a new
/// OrchardPortal.Web process over the same App_Data) and time the first request to a sample of tenants.
/// </summary>
internal static class DensityScenario
{
    // 256 is SqlitePoolLimiter's default cap: growth should flatten after it if pools are the cost.
    private static readonly int[] Checkpoints = [100, 256, 500, 750];

    public static async Task RunAsync(BenchOptions options, string webDll, ResultTable results, CancellationToken cancellationToken)
    {
        Console.WriteLine($"== density: {options.Tenants} tenants, baseline after {options.Baseline}, {(options.IsPostgres ? "PostgreSQL" : "SQLite")}");
        using var storage = await BenchStorage.CreateAsync(options.IsPostgres, "density");
        var provider = storage.ProviderName;
        var names = Enumerable.Range(1, options.Tenants).Select(i => $"d{i:D5}").ToList();

        var (baseline, final) = await ProvisionAndMeasureAsync(options, storage, names, cancellationToken);
        var perTenant = options.Tenants - options.Baseline;
        var heapGrowth = (double)(final.GcHeapBytes - baseline.GcHeapBytes) / perTenant;
        var workingSetGrowth = (double)(final.WorkingSetBytes - baseline.WorkingSetBytes) / perTenant;
        Console.WriteLine($"   growth per tenant over {perTenant} tenants: GC heap {Fmt.Kb(heapGrowth)}, working set {Fmt.Kb(workingSetGrowth)}");
        results.Add($"Memory growth per tenant, GC heap after full GC, {provider} ({options.Baseline}→{options.Tenants} tenants)", "≤ 100 KB", Fmt.Kb(heapGrowth), heapGrowth <= 100 * 1024);
        results.Add($"Memory growth per tenant, working set, {provider}", "≤ 100 KB", Fmt.Kb(workingSetGrowth), workingSetGrowth <= 100 * 1024);
        results.Add($"Process memory at {options.Tenants} tenants, {provider}", "", $"GC heap {Fmt.Mb(final.GcHeapBytes)}, working set {Fmt.Mb(final.WorkingSetBytes)}, tenant SQLite files open {final.OpenTenantDatabases}");

        // Restart: a new process over the same App_Data; the first request to each sampled tenant pays its activation.
        var stride = Math.Max(1, names.Count / options.RestartSample);
        var sample = Enumerable.Range(0, options.RestartSample).Select(k => names[Math.Min(names.Count - 1, k * stride)]).ToList();
        using var process = await PortalProcess.StartAsync(webDll, storage, TimeSpan.FromMinutes(2), cancellationToken);
        Console.WriteLine($"   restarted: new OrchardPortal.Web process answered the host site after {Fmt.Ms(process.StartupTime.TotalMilliseconds)}");
        using var client = new PortalClient(process.Port);
        var cpuAtStart = process.CpuTime;
        var first = new List<double>();
        foreach (var name in sample)
        {
            first.Add(await TimePageAsync(client, name, cancellationToken));
        }

        var second = new List<double>();
        foreach (var name in sample.Take(Math.Min(50, sample.Count)))
        {
            second.Add(await TimePageAsync(client, name, cancellationToken));
        }

        var firstStats = new Stats(first);
        var secondStats = new Stats(second);
        Console.WriteLine($"   first request per tenant after restart: {firstStats} (very first tenant: {Fmt.Ms(first[0])})");
        Console.WriteLine($"   second request, same tenants:            {secondStats}");
        Console.WriteLine($"   server CPU per first request (incl. the second requests): {Fmt.Ms((process.CpuTime - cpuAtStart).TotalMilliseconds / (first.Count + second.Count))}; load average {MachineLoad.LoadAverage()}");
        Console.WriteLine($"   restarted process RSS after {sample.Count} tenants: {Fmt.Mb(ResidentBytes(process.ProcessId))}");
        results.Add($"First request to a tenant after restart p50, {provider} (n={firstStats.Count})", "≤ 30 ms", Fmt.Ms(firstStats.P50), firstStats.P50 <= 30);
        results.Add($"… p90 / max (max = first tenant, pays JIT), {provider}", "", $"{Fmt.Ms(firstStats.P90)} / {Fmt.Ms(firstStats.Max)}");
        results.Add($"Second request to the same tenant p50, {provider}", "", Fmt.Ms(secondStats.P50));
    }

    private static async Task<(MemorySnapshot Baseline, MemorySnapshot Final)> ProvisionAndMeasureAsync(
        BenchOptions options, BenchStorage storage, List<string> names, CancellationToken cancellationToken)
    {
        await using var portal = InProcessPortal.Start(storage);
        using var client = new PortalClient(portal.Port);
        var driver = new SignupDriver(client);
        await driver.LoadFormAsync(cancellationToken);
        var checkpoints = new SortedSet<int> { options.Baseline, options.Tenants };
        foreach (var mark in Checkpoints.Where(m => m > options.Baseline && m < options.Tenants))
        {
            checkpoints.Add(mark);
        }

        var snapshots = new List<MemorySnapshot>();
        var signups = new List<double>();
        var pages = new List<double>();
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = MachineLoad.ProcessCpu();
        Console.WriteLine($"   load average at start: {MachineLoad.LoadAverage()}");
        for (var i = 0; i < names.Count; i++)
        {
            signups.Add((await driver.SignUpAsync(names[i], followOwner: false, cancellationToken)).SubmitAnswered);
            pages.Add(await TimePageAsync(client, names[i], cancellationToken));
            if (checkpoints.Contains(i + 1))
            {
                var snapshot = MemorySnapshot.Take(i + 1);
                snapshots.Add(snapshot);
                var pools = portal.Services.GetRequiredService<SqlitePoolLimiter>().OpenPools;
                Console.WriteLine($"   {snapshot}, SQLite pools kept {pools} [{stopwatch.Elapsed.TotalSeconds:F0} s]");
            }
        }

        Console.WriteLine($"   signups (submit -> redirect): {new Stats(signups)}; CPU per tenant (signup + page, whole process) {Fmt.Ms((MachineLoad.ProcessCpu() - cpuBefore).TotalMilliseconds / names.Count)}; load average now {MachineLoad.LoadAverage()}");
        Console.WriteLine($"   first page of each new tenant: {new Stats(pages)}");
        return (snapshots[0], snapshots[^1]);
    }

    /// <summary>Times one GET of a tenant's home page and checks it is that tenant's page.</summary>
    private static async Task<double> TimePageAsync(PortalClient client, string tenant, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync(client.Url($"{tenant}.localhost", "/"), cancellationToken);
        var html = await PortalClient.ReadAsync(response, cancellationToken);
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains(tenant, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{tenant}.localhost/ answered {(int)response.StatusCode} without the tenant's name.");
        }

        return elapsed;
    }

    private static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? -1 : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
    }
}
