using System.Globalization;
using System.Text.Json;

namespace OrchardPortal.Liquid.Tests.Golden;

/// <summary>One case of the golden-liquid suite.</summary>
public sealed record GoldenCase(
    string Name,
    string Template,
    object? Data,
    IReadOnlyDictionary<string, string> Templates,
    IReadOnlyList<string> Results,
    bool Invalid,
    IReadOnlyList<string> Tags);

/// <summary>
/// Loads <c>shared/liquid/golden-liquid/golden_liquid.json</c> from the directory that sits beside the repository
/// (found by walking up from the test binaries), so the suite is read at test time and never copied into the repo.
/// </summary>
public static class GoldenSuite
{
    private const string RelativePath = "shared/liquid/golden-liquid/golden_liquid.json";

    private static readonly Lazy<IReadOnlyDictionary<string, GoldenCase>?> Cases = new(Load);

    /// <summary>The suite file, or null when no ancestor directory holds <c>shared/liquid</c>.</summary>
    public static string? FindFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static IReadOnlyDictionary<string, GoldenCase>? All => Cases.Value;

    private static Dictionary<string, GoldenCase>? Load()
    {
        var path = FindFile();
        if (path is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, GoldenCase>(StringComparer.Ordinal);
        foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray())
        {
            var name = test.GetProperty("name").GetString()!;
            var results = new List<string>();
            if (test.TryGetProperty("result", out var result))
            {
                results.Add(result.GetString()!);
            }

            if (test.TryGetProperty("results", out var many))
            {
                results.AddRange(many.EnumerateArray().Select(r => r.GetString()!));
            }

            var templates = new Dictionary<string, string>(StringComparer.Ordinal);
            if (test.TryGetProperty("templates", out var partials))
            {
                foreach (var partial in partials.EnumerateObject())
                {
                    templates[partial.Name] = partial.Value.GetString()!;
                }
            }

            cases[name] = new GoldenCase(
                name,
                test.GetProperty("template").GetString()!,
                test.TryGetProperty("data", out var data) ? ToValue(data) : null,
                templates,
                results,
                test.TryGetProperty("invalid", out var invalid) && invalid.GetBoolean(),
                test.TryGetProperty("tags", out var tags) ? [.. tags.EnumerateArray().Select(t => t.GetString()!)] : []);
        }

        return cases;
    }

    /// <summary>JSON to Liquid values; integers stay integers (long) and numbers written with a fraction or exponent are floats.</summary>
    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => IsInteger(element.GetRawText()) && element.TryGetInt64(out var integer)
            ? integer
            : (object)double.Parse(element.GetRawText(), CultureInfo.InvariantCulture),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static bool IsInteger(string raw) => raw.AsSpan().IndexOfAny(".eE") < 0;
}
