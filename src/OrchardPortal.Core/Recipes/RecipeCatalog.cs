using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrchardPortal.Core.Recipes;

/// <summary>Reads the <c>*.recipe.json</c> files shipped with the app. Files are read once and kept.</summary>
public sealed class RecipeCatalog(IOptions<RecipeOptions> options)
{
    private readonly Lazy<IReadOnlyDictionary<string, Recipe>> _recipes = new(() => Load(options.Value.Path));

    public IReadOnlyCollection<Recipe> All => (IReadOnlyCollection<Recipe>)_recipes.Value.Values;

    public IEnumerable<Recipe> Selectable => All.Where(r => r.Selectable).OrderBy(r => r.Name == "default" ? 0 : 1).ThenBy(r => r.DisplayName, StringComparer.Ordinal);

    public Recipe? Find(string? name) => name is not null && _recipes.Value.TryGetValue(name, out var recipe) ? recipe : null;

    /// <summary>Parses one recipe document; used for the shipped files and by tests for broken ones.</summary>
    public static Recipe Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        string Text(string property) => root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var name = Text("name");
        if (name.Length == 0)
        {
            throw new RecipeValidationException("(unnamed)", ["The recipe has no 'name'."]);
        }

        var steps = root.TryGetProperty("steps", out var stepsElement) && stepsElement.ValueKind == JsonValueKind.Array
            ? stepsElement.EnumerateArray().Select(s => s.Clone()).ToList()
            : throw new RecipeValidationException(name, ["The recipe has no 'steps' array."]);
        var selectable = root.TryGetProperty("selectable", out var sel) && sel.ValueKind == JsonValueKind.True;
        return new Recipe(name, Text("displayName") is { Length: > 0 } display ? display : name, Text("description"), selectable, steps);
    }

    private static Dictionary<string, Recipe> Load(string configuredPath)
    {
        var folder = System.IO.Path.IsPathRooted(configuredPath) ? configuredPath : System.IO.Path.Combine(AppContext.BaseDirectory, configuredPath);
        var recipes = new Dictionary<string, Recipe>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return recipes;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.recipe.json"))
        {
            var recipe = Parse(File.ReadAllText(file));
            recipes[recipe.Name] = recipe;
        }

        return recipes;
    }
}
