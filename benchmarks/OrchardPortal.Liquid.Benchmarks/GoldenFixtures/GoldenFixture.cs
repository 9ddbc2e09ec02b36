using System.Text.Json;

namespace OrchardPortal.Liquid.Benchmarks.GoldenFixtures;

/// <summary>
/// One folder of golden-liquid's <c>benchmark_fixtures</c>: <c>data.json</c> (the render
/// variables), <c>templates/index.liquid</c> (the page, which may include or render the other
/// files in <c>templates/</c>) and <c>expected_result.txt</c>.
/// </summary>
public sealed class GoldenFixture
{
    private const string IndexName = "index.liquid";

    private GoldenFixture(string name, IReadOnlyDictionary<string, string> templates, IReadOnlyDictionary<string, object?> data, string expectedResult)
    {
        Name = name;
        Templates = templates;
        IndexSource = templates[IndexName];
        Data = data;
        ExpectedResult = expectedResult;
    }

    public string Name { get; }

    /// <summary>Every file of <c>templates/</c> by its path relative to that folder (forward slashes), as include/render name them.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; }

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

        var templates = Directory.EnumerateFiles(templatesDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetRelativePath(templatesDirectory, path).Replace(Path.DirectorySeparatorChar, '/'),
                File.ReadAllText,
                StringComparer.Ordinal);

        return new GoldenFixture(
            name,
            templates,
            (IReadOnlyDictionary<string, object?>)JsonLiquidValues.FromJson(data.RootElement)!,
            ExpectedResultFor(templates[IndexName], File.ReadAllText(Path.Combine(directory, "expected_result.txt"))));
    }

    /// <summary>
    /// expected_result.txt always ends with a newline, as text files do, but 001 and 002's
    /// index.liquid ends with literal "&lt;/html&gt;" and no newline, so no engine can output one.
    /// Only that file-ending newline is dropped; everything else is compared exactly.
    /// </summary>
    private static string ExpectedResultFor(string indexSource, string expectedFile) =>
        !indexSource.EndsWith('\n') && expectedFile.EndsWith('\n') ? expectedFile[..^1] : expectedFile;
}
