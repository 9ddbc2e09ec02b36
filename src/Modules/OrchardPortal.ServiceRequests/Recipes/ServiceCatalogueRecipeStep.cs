using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Recipes;
using OrchardPortal.ServiceRequests.Catalogue;

namespace OrchardPortal.ServiceRequests.Recipes;

/// <summary>
/// <c>{ "name": "service-catalogue", "services": [ { "name": "Extra visit", "description": "…", "price": 4500 | null, "active": true } ] }</c>:
/// adds services to the tenant's catalogue, in order. <c>price</c> is in minor units of the tenant's currency;
/// null or missing means "quote needed". Each entry is checked with the same rules as the admin form.
/// </summary>
public sealed class ServiceCatalogueRecipeStep : IRecipeStepHandler
{
    public string StepName => "service-catalogue";

    public IEnumerable<string> Validate(JsonElement step) => Read(step).Errors;

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var (drafts, errors) = Read(step);
        if (errors.Count > 0)
        {
            throw new RecipeValidationException(context.Tenant.RecipeName, errors);
        }

        var substituted = drafts.Select(d => d with { Name = context.Substitute(d.Name ?? ""), Description = d.Description is null ? null : context.Substitute(d.Description) });
        await context.Services.GetRequiredService<ServiceCatalogService>().AddManyAsync(substituted, cancellationToken);
    }

    private static (List<CatalogItemDraft> Drafts, List<string> Errors) Read(JsonElement step)
    {
        var drafts = new List<CatalogItemDraft>();
        var errors = new List<string>();
        if (!step.TryGetProperty("services", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add("service-catalogue: 'services' must be an array of { name, description, price, active }.");
            return (drafts, errors);
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"service-catalogue: service {index} must be an object.");
                continue;
            }

            var name = String(item, "name");
            var description = String(item, "description");
            long? price = null;
            if (item.TryGetProperty("price", out var p) && p.ValueKind != JsonValueKind.Null)
            {
                if (p.ValueKind != JsonValueKind.Number || !p.TryGetInt64(out var minor))
                {
                    errors.Add($"service-catalogue: service {index}: 'price' must be a whole number of minor units (e.g. 4500 for 45.00) or null for “quote needed”.");
                    continue;
                }

                price = minor;
            }

            var active = !item.TryGetProperty("active", out var a) || a.ValueKind != JsonValueKind.False;
            if (item.TryGetProperty("active", out a) && a.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add($"service-catalogue: service {index}: 'active' must be true or false.");
                continue;
            }

            var draft = new CatalogItemDraft(name, description, price, active);
            var problems = ServiceCatalogService.Validate(draft);
            errors.AddRange(problems.Values.Select(m => $"service-catalogue: service {index}: {m}"));
            if (problems.Count == 0)
            {
                drafts.Add(draft);
            }
        }

        return (drafts, errors);
    }

    private static string? String(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
