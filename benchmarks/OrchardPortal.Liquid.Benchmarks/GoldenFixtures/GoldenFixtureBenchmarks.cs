using BenchmarkDotNet.Attributes;
using OrchardPortal.Liquid.Benchmarks.Infrastructure;

namespace OrchardPortal.Liquid.Benchmarks.GoldenFixtures;

/// <summary>
/// golden-liquid's benchmark fixtures: parse index.liquid, and render the parsed page with the
/// fixture's data (partials come through the engine's file provider, as in the host). The
/// rendered output must equal expected_result.txt before anything is timed.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class deriving from each benchmark class.</remarks>
[MemoryDiagnoser]
public class GoldenFixtureBenchmarks
{
    private GoldenFixture _fixture = null!;
    private LiquidEnvironment _liquid = null!;
    private LiquidTemplate _template = null!;

    [ParamsSource(nameof(FixtureNames))]
    public string Fixture { get; set; } = "";

    public static IEnumerable<string> FixtureNames() => GoldenFixture.Names(SharedLiquidFiles.FixturesDirectory);

    [GlobalSetup]
    public void Setup()
    {
        _fixture = GoldenFixture.Load(SharedLiquidFiles.FixturesDirectory, Fixture);
        _liquid = LiquidFixturePage.CreateEnvironment(_fixture);
        _template = Parse();
        OutputCheck.RequireExact(_fixture.ExpectedResult, Render(), $"benchmark fixture {Fixture}");
    }

    [Benchmark]
    public LiquidTemplate Parse() => _liquid.Parse(_fixture.IndexSource);

    [Benchmark]
    public string Render() => LiquidFixturePage.Render(_liquid, _template, _fixture);
}
