using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using OrchardPortal.Liquid.Benchmarks.Products;

// Benchmarks and how to run them: docs/benchmarks.md ("Liquid engine").
if (args is ["render-ratio"])
{
    PairedRenderRatio.Run(Console.Out);
    return 0;
}

// BenchmarkDotNet builds a project per run and gives up after two minutes by default, which a
// 2-core machine shared with other builds can exceed; the benchmarks themselves are unaffected.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

// A failed output check in [GlobalSetup] only marks that benchmark as failed in BenchmarkDotNet's
// log; exit non-zero so a smoke run cannot pass with missing or wrong results.
var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
return failed ? 1 : 0;
