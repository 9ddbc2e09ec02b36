namespace OrchardPortal.Core.Recipes;

/// <summary>A recipe that cannot run: every problem found, each naming its step.</summary>
public sealed class RecipeValidationException(string recipeName, IReadOnlyList<string> errors)
    : Exception($"Recipe '{recipeName}' is invalid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
