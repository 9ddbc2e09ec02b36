using OrchardPortal.Core.Recipes;
using OrchardPortal.Emails.Recipes;

namespace OrchardPortal.Emails.Templates;

/// <summary>
/// The shipped version of each email: the <c>email-templates</c> step of <c>recipes/default.recipe.json</c>.
/// Used for a tenant with no row for a key (made before the step existed, or reset) and whenever a
/// tenant's saved template fails. Read once per process.
/// </summary>
public sealed class EmailTemplateDefaults(RecipeCatalog recipes, EmailTemplateValidator validator)
{
    public const string RecipeName = "default";

    private readonly Lazy<IReadOnlyDictionary<string, (EmailTemplateContent Content, Core.Theming.EmailSourceTemplates Compiled)>> _defaults =
        new(() => Load(recipes, validator));

    /// <summary>The default content of <paramref name="key"/>, or null when the recipe has none (a broken install).</summary>
    public EmailTemplateContent? Find(string key) => _defaults.Value.TryGetValue(key, out var entry) ? entry.Content : null;

    internal Core.Theming.EmailSourceTemplates? FindCompiled(string key) => _defaults.Value.TryGetValue(key, out var entry) ? entry.Compiled : null;

    private static Dictionary<string, (EmailTemplateContent, Core.Theming.EmailSourceTemplates)> Load(RecipeCatalog recipes, EmailTemplateValidator validator)
    {
        var step = recipes.Find(RecipeName)?.Steps.FirstOrDefault(s => Recipe.StepName(s) == EmailTemplatesStep.Name);
        var result = new Dictionary<string, (EmailTemplateContent, Core.Theming.EmailSourceTemplates)>(StringComparer.Ordinal);
        if (step is not { } found)
        {
            return result;
        }

        // A default that does not parse is a release bug; the recipe tests catch it, so throwing here is fine.
        foreach (var (key, content) in EmailTemplatesStep.Read(found).Templates)
        {
            result[key] = (content, validator.Compile(content, "default/" + key));
        }

        return result;
    }
}
