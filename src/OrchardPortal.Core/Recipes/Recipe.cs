using System.Text.Json;

namespace OrchardPortal.Core.Recipes;

/// <summary>A parsed recipe file: metadata and its ordered steps, still as JSON for their handlers.</summary>
public sealed record Recipe(string Name, string DisplayName, string Description, bool Selectable, IReadOnlyList<JsonElement> Steps)
{
    /// <summary>The step's <c>name</c> field, or "" when it has none.</summary>
    public static string StepName(JsonElement step) =>
        step.ValueKind == JsonValueKind.Object && step.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()!
            : "";
}
