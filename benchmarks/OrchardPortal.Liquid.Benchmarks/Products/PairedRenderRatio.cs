using System.Diagnostics;
using System.Globalization;

namespace OrchardPortal.Liquid.Benchmarks.Products;

/// <summary>
/// A cross-check of the render ratio for shared, loaded machines (<c>-- render-ratio</c>).
/// BenchmarkDotNet measures one benchmark after another, so load that comes and goes between
/// them skews their ratio. Here the three renders take turns in short batches within one
/// process, and the ratio is taken per round (neighbours in time) and then the median over
/// rounds, which load drift barely moves.
/// </summary>
public static class PairedRenderRatio
{
    private const int Rounds = 1000;
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(5);

    public static void Run(TextWriter output)
    {
        var benchmarks = new ProductBenchmarks();
        benchmarks.Setup();
        var renders = new (string Name, Func<string> Render)[]
        {
            ("LiquidRender", benchmarks.LiquidRender),
            ("LiquidRenderDictionaries", benchmarks.LiquidRenderDictionaries),
            ("HandlebarsRender", benchmarks.HandlebarsRender),
        };

        var batchSizes = renders.Select(r => CalibrateBatch(r.Render)).ToArray();
        var perOp = renders.Select(_ => new double[Rounds]).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var turn = 0; turn < renders.Length; turn++)
            {
                // Rotate the order so no render always runs right after the same other one.
                var index = (round + turn) % renders.Length;
                perOp[index][round] = TimeBatch(renders[index].Render, batchSizes[index]);
            }
        }

        var baseline = perOp[^1];
        output.WriteLine($"Paired render ratio: {Rounds} rounds, batches of ~{BatchTarget.TotalMilliseconds} ms, order rotated each round.");
        output.WriteLine();
        output.WriteLine("| Method | Min (us) | Median (us) | Median of per-round ratios | Ratio of mins | Allocated (B/op) |");
        output.WriteLine("|--- |---:|---:|---:|---:|---:|");
        for (var i = 0; i < renders.Length; i++)
        {
            var ratios = perOp[i].Zip(baseline, (a, b) => a / b).ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {renders[i].Name} | {perOp[i].Min():F1} | {Median(perOp[i]):F1} | {Median(ratios):F2} | {perOp[i].Min() / baseline.Min():F2} | {AllocatedPerOp(renders[i].Render)} |"));
        }
    }

    private static int CalibrateBatch(Func<string> render)
    {
        // Also warms the JIT up to its final tier before anything is recorded.
        var deadline = Stopwatch.StartNew();
        var count = 0;
        while (deadline.Elapsed < TimeSpan.FromSeconds(1))
        {
            render();
            count++;
        }

        return Math.Max(1, (int)(count * BatchTarget.TotalSeconds));
    }

    private static double TimeBatch(Func<string> render, int operations)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            render();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / operations;
    }

    private static long AllocatedPerOp(Func<string> render)
    {
        const int Operations = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Operations; i++)
        {
            render();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Operations;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
