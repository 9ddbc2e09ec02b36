namespace OrchardPortal.Core.Recipes;

/// <summary>Bound from the <c>Recipes</c> configuration section.</summary>
public sealed class RecipeOptions
{
    /// <summary>Folder of <c>*.recipe.json</c> files; relative paths are under the app's base directory.</summary>
    public string Path { get; set; } = "recipes";
}
