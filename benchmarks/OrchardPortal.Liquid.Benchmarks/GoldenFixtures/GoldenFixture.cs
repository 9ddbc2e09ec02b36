using System.Text.Json;

namespace OrchardPortal.Liquid.Benchmarks.GoldenFixtures;

/// <summary>
/// One folder of golden-liquid's <c>benchmark_fixtures</c>: <c>data.json</c> (the render
/// variables), <c>templates/index.liquid</c> (the page, which may include or render the other
/// files in <c>templates/</c>) and <c>expected_result.txt</c>.
/// </summary>
public sealed class GoldenFixture
{
    private GoldenFixture(string name, string templatesDirectory, string indexSource, IReadOnlyDictionary<string, object?> data, string expectedResult)
    {
        Name = name;
        TemplatesDirectory = templatesDirectory;
        IndexSource = indexSource;
        Data = data;
        ExpectedResult = expectedResult;
    }

    public string Name { get; }

    public string TemplatesDirectory { get; }

    public string IndexSource { get; }

    public IReadOnlyDictionary<string, object?> Data { get; }

    public string ExpectedResult { get; }

    public static IEnumerable<string> Names(string fixturesDirectory) =>
        Directory.EnumerateDirectories(fixturesDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    public static GoldenFixture Load(string fixturesDirectory, string name)
    {
        var directory = Path.Combine(fixturesDirectory, name);
        var templatesDirectory = Path.Combine(directory, "templates");
        using var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "data.json")));
        if (data.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{name}/data.json must hold a JSON object.");
        }

        return new GoldenFixture(
            name,
            templatesDirectory,
            File.ReadAllText(Path.Combine(templatesDirectory, "index.liquid")),
            (IReadOnlyDictionary<string, object?>)JsonLiquidValues.FromJson(data.RootElement)!,
            File.ReadAllText(Path.Combine(directory, "expected_result.txt")));
    }
}
