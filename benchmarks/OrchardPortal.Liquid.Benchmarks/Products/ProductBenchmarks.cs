using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using HandlebarsDotNet;
using OrchardPortal.Liquid.Benchmarks.Infrastructure;

namespace OrchardPortal.Liquid.Benchmarks.Products;

/// <summary>
/// product.liquid against product.mustache with 100 products, in one class so that both engines
/// are measured in the same run on the same machine state. Benchmarks are grouped by category
/// with the Handlebars.Net benchmark as each group's baseline, so BenchmarkDotNet's Ratio and
/// Alloc Ratio columns are exactly the targets (parse ≤ 0.01× compile; render ≤ 0.6×
/// and fewer bytes). Min and Median are shown because the machine is shared: other work inflates
/// the mean of whichever benchmark it overlaps, while the minimum stays close to the real cost.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class deriving from each benchmark class.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MinColumn]
[MedianColumn]
public class ProductBenchmarks
{
    private const string Parse = "Parse";
    private const string Render = "Render";

    private string _liquidSource = "";
    private string _mustacheSource = "";
    private LiquidEnvironment _liquid = null!;
    private LiquidTemplate _liquidTemplate = null!;
    private IReadOnlyList<Product> _products = [];
    private List<object?> _productHashes = [];
    private IHandlebars _handlebars = null!;
    private HandlebarsTemplate<object, object> _handlebarsTemplate = null!;
    private Dictionary<string, object?> _handlebarsModel = [];

    [GlobalSetup]
    public void Setup()
    {
        _liquidSource = SharedLiquidFiles.ReadBenchFile("product.liquid");
        _mustacheSource = SharedLiquidFiles.ReadBenchFile("product.mustache");
        _products = ProductCatalog.Create();
        _productHashes = ProductCatalog.CreateAsDictionaries();

        _liquid = LiquidProductPage.CreateEnvironment();
        _liquidTemplate = _liquid.Parse(_liquidSource);

        _handlebars = HandlebarsProductPage.CreateEnvironment();
        _handlebarsTemplate = _handlebars.Compile(_mustacheSource);
        _handlebarsModel = new Dictionary<string, object?>(StringComparer.Ordinal) { ["products"] = _products };

        var handlebarsOutput = HandlebarsRender();
        OutputCheck.RequireEquivalent(handlebarsOutput, LiquidRender(), "product.liquid (registered Product type) vs product.mustache");
        OutputCheck.RequireEquivalent(handlebarsOutput, LiquidRenderDictionaries(), "product.liquid (dictionaries) vs product.mustache");
        if (!handlebarsOutput.Contains("Lorem ipsum ...", StringComparison.Ordinal) || !handlebarsOutput.Contains("Name99", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("product.mustache did not render the products; the equivalence check would prove nothing.");
        }
    }

    [Benchmark]
    [BenchmarkCategory(Parse)]
    public LiquidTemplate LiquidParse() => _liquid.Parse(_liquidSource);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Parse)]
    public HandlebarsTemplate<object, object> HandlebarsCompile() => _handlebars.Compile(_mustacheSource);

    /// <summary>The host's way: products as a registered (allow-listed) type.</summary>
    [Benchmark]
    [BenchmarkCategory(Render)]
    public string LiquidRender() => LiquidProductPage.Render(_liquid, _liquidTemplate, _products);

    /// <summary>The same render with products as plain hashes, which need no member lookup.</summary>
    [Benchmark]
    [BenchmarkCategory(Render)]
    public string LiquidRenderDictionaries() => LiquidProductPage.Render(_liquid, _liquidTemplate, _productHashes);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Render)]
    public string HandlebarsRender() => _handlebarsTemplate(_handlebarsModel);
}
