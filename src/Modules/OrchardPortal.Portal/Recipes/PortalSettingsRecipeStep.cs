using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Core.Settings;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Portal.Recipes;

/// <summary>
/// <c>{ "name": "portal-settings", "enabledTabs": ["home", "invoices"], "enableAutoPay": false, "showChargesInHistory": true,
/// "showPaymentsInHistory": true, "enableLogins": true, "notificationEmails": ["[[OwnerEmail]]"] }</c>; omitted fields keep their defaults.
/// </summary>
public sealed class PortalSettingsRecipeStep : IRecipeStepHandler
{
    public string StepName => "portal-settings";

    public IEnumerable<string> Validate(JsonElement step)
    {
        if (step.TryGetProperty("enabledTabs", out var tabs))
        {
            if (tabs.ValueKind != JsonValueKind.Array || tabs.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            {
                yield return "'enabledTabs' must be an array of tab keys.";
            }
            else
            {
                foreach (var key in tabs.EnumerateArray().Select(t => t.GetString()).Where(k => PortalTabs.Find(k) is null))
                {
                    yield return $"'enabledTabs' has an unknown tab '{key}' (known: {string.Join(", ", PortalTabs.All.Select(t => t.Key))}).";
                }
            }
        }

        if (step.TryGetProperty("notificationEmails", out var emails) && (emails.ValueKind != JsonValueKind.Array || emails.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String)))
        {
            yield return "'notificationEmails' must be an array of email addresses.";
        }

        foreach (var flag in new[] { "enableAutoPay", "showChargesInHistory", "showPaymentsInHistory", "enableLogins" })
        {
            if (step.TryGetProperty(flag, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                yield return $"'{flag}' must be true or false.";
            }
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var json = context.SubstituteInJson(step.GetRawText());
        var settings = JsonSerializer.Deserialize<PortalSettings>(json, SiteSettingsService.JsonOptions) ?? new PortalSettings();
        var errors = await context.Services.GetRequiredService<PortalSettingsService>().SaveAsync(settings, cancellationToken);
        if (errors.Count > 0)
        {
            throw new RecipeValidationException(context.Tenant.RecipeName, errors.Select(e => $"portal-settings: {e.Value}").ToList());
        }
    }
}
