using BenchmarkDotNet.Attributes;
using OrchardPortal.Liquid.Benchmarks.Infrastructure;

namespace OrchardPortal.Liquid.Benchmarks;

/// <summary>
/// Parses blogpost.liquid, an Orchard Core theme page. Its theme filters are registered as stubs
/// (the parser resolves filter names, and we time the parser, not the filters).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class deriving from each benchmark class.</remarks>
[MemoryDiagnoser]
public class ParseBigBenchmarks
{
    // Orchard Core filters used by blogpost.liquid; `raw` is one of our standard filters.
    private static readonly string[] ThemeFilters = ["href", "asset_url", "resize_url", "t", "shape_new", "shape_stringify", "shape_render"];

    private LiquidEnvironment _liquid = null!;
    private string _source = "";

    [GlobalSetup]
    public void Setup()
    {
        _source = SharedLiquidFiles.ReadBenchFile("blogpost.liquid");
        _liquid = new LiquidEnvironment();
        foreach (var name in ThemeFilters)
        {
            _liquid.Filters.Add(name, static (input, _, _) => input);
        }

        // Rendering with no model proves the whole page parsed into something runnable.
        var context = new TemplateContext(_liquid);
        var output = ParseBig().Render(context);
        if (!output.Contains("<div class=\"overlay\"></div>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("blogpost.liquid parsed but did not render its markup.");
        }
    }

    [Benchmark]
    public LiquidTemplate ParseBig() => _liquid.Parse(_source);
}
