using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;

namespace OrchardPortal.Core.Settings;

/// <summary>
/// <c>{ "name": "settings", "documents": { "Site": { ... }, "Portal": { ... } } }</c>: saves each
/// document as given, with <c>[[CompanyName]]</c>-style values substituted.
/// </summary>
public sealed class SettingsRecipeStep : IRecipeStepHandler
{
    public string StepName => "settings";

    public IEnumerable<string> Validate(JsonElement step)
    {
        if (!step.TryGetProperty("documents", out var documents) || documents.ValueKind != JsonValueKind.Object)
        {
            yield return "'documents' must be an object of named settings documents.";
            yield break;
        }

        foreach (var document in documents.EnumerateObject())
        {
            if (document.Value.ValueKind != JsonValueKind.Object)
            {
                yield return $"document '{document.Name}' must be a JSON object.";
            }
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = context.Services.GetRequiredService<SiteSettingsService>();
        foreach (var document in step.GetProperty("documents").EnumerateObject())
        {
            await settings.SaveJsonAsync(document.Name, context.SubstituteInJson(document.Value.GetRawText()), cancellationToken);
        }
    }
}
