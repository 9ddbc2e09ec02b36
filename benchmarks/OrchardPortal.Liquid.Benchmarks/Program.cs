using BenchmarkDotNet.Running;

// Benchmarks and how to run them: docs/benchmarks.md ("Liquid engine").
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// A failed output check in [GlobalSetup] only marks that benchmark as failed in BenchmarkDotNet's
// log; exit non-zero so a smoke run cannot pass with missing or wrong results.
var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
return failed ? 1 : 0;
