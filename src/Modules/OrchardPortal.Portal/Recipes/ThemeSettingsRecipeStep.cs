using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Portal.Recipes;

/// <summary><c>{ "name": "theme-settings", "theme": "Meadow", "values": { "theme_color": "#2f6b3a" } }</c>: the active theme and its setting values.</summary>
public sealed class ThemeSettingsRecipeStep(ThemeCatalog catalog) : IRecipeStepHandler
{
    public string StepName => "theme-settings";

    public IEnumerable<string> Validate(JsonElement step)
    {
        var theme = catalog.Default;
        if (step.TryGetProperty("theme", out var name))
        {
            var found = name.ValueKind == JsonValueKind.String ? catalog.Find(name.GetString()) : null;
            if (found is null)
            {
                yield return $"'theme' names no installed theme (installed: {string.Join(", ", catalog.All.Select(t => t.Name))}).";
                yield break;
            }

            theme = found;
        }

        if (!step.TryGetProperty("values", out var values))
        {
            yield break;
        }

        if (values.ValueKind != JsonValueKind.Object || values.EnumerateObject().Any(v => v.Value.ValueKind != JsonValueKind.String))
        {
            yield return "'values' must be an object of setting names and text values.";
            yield break;
        }

        foreach (var error in ThemeSettingsService.Validate(theme, Values(values)).Values)
        {
            yield return error;
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var theme = step.TryGetProperty("theme", out var name) ? name.GetString() : null;
        var values = step.TryGetProperty("values", out var v) ? Values(v) : [];
        foreach (var key in values.Keys.ToList())
        {
            values[key] = context.Substitute(values[key]);
        }

        var errors = await context.Services.GetRequiredService<ThemeSettingsService>().SaveValuesAsync(values, cancellationToken, theme);
        if (errors.Count > 0)
        {
            throw new RecipeValidationException(context.Tenant.RecipeName, errors.Values.ToList());
        }
    }

    private static Dictionary<string, string> Values(JsonElement values) =>
        values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
}
