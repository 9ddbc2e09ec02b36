using System.Diagnostics;
using System.Runtime.InteropServices;
using OrchardPortal.Bench.Infrastructure;
using OrchardPortal.Bench.Scenarios;

namespace OrchardPortal.Bench;

/// <summary>
/// Platform benchmarks: real host, real HTTP, numbers on the console (see docs/benchmarks.md). Not top-level
/// statements: those would declare a second <c>Program</c> next to OrchardPortal.Web's, which this hosts.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions? options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.WriteLine(exception.Message);
            return 2;
        }

        if (options is null)
        {
            return 2;
        }

        Console.WriteLine($"OrchardPortal platform bench: {options}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MemTotal()} RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");

        using var cancellation = new CancellationTokenSource(options.Timeout);
        var results = new ResultTable();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var scenarios = options.Scenario == "all" ? ["signup", "density", "startup"] : new[] { options.Scenario };
            string? webDll = null;
            foreach (var scenario in scenarios)
            {
                if (scenario is "density" or "startup")
                {
                    webDll ??= await WebPublisher.EnsurePublishedAsync(options, cancellation.Token);
                }

                switch (scenario)
                {
                    case "signup":
                        await SignupScenario.RunAsync(options, results, cancellation.Token);
                        break;
                    case "density":
                        await DensityScenario.RunAsync(options, webDll!, results, cancellation.Token);
                        break;
                    case "startup":
                        await StartupScenario.RunAsync(options, webDll!, results, cancellation.Token);
                        break;
                    case "invite":
                        await InviteScenario.RunAsync(options, results, cancellation.Token);
                        break;
                    case "autopay":
                        await AutopayScenario.RunAsync(options, results, cancellation.Token);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.WriteLine($"Stopped: the run exceeded --timeout-minutes {options.Timeout.TotalMinutes:F0}.");
            results.Print();
            return 1;
        }

        results.Print();
        Console.WriteLine($"done in {stopwatch.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static string MemTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? "unknown" : Fmt.Mb(double.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024);
    }
}
