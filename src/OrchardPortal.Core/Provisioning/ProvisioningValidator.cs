using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Core.Security;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Provisioning;

/// <summary>Checks a provisioning request field by field; used on submit and by the as-you-type availability check.</summary>
public sealed class ProvisioningValidator(HostDbContext hostDb, RecipeCatalog catalog, RecipeExecutor executor)
{
    public const int MaxCompanyNameLength = 100;
    public const int MaxOwnerNameLength = 100;

    public static string TakenMessage(string name) => $"“{name}” is already taken. Try another subdomain.";

    /// <summary>Null when the subdomain is valid and free, else why not.</summary>
    public async Task<string?> CheckSubdomainAsync(string? subdomain, CancellationToken cancellationToken)
    {
        var name = TenantNameRules.Normalize(subdomain);
        var problem = TenantNameRules.Validate(name);
        if (problem is not null)
        {
            return problem;
        }

        var taken = await hostDb.Set<TenantRecord>().AsNoTracking().AnyAsync(t => t.Name == name, cancellationToken);
        return taken ? TakenMessage(name) : null;
    }

    public async Task<Dictionary<string, string>> ValidateAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var company = request.CompanyName.Trim();
        if (company.Length == 0)
        {
            errors[nameof(request.CompanyName)] = "Enter your company's name.";
        }
        else if (company.Length > MaxCompanyNameLength)
        {
            errors[nameof(request.CompanyName)] = $"Use at most {MaxCompanyNameLength} characters.";
        }

        var ownerName = request.OwnerName.Trim();
        if (ownerName.Length == 0)
        {
            errors[nameof(request.OwnerName)] = "Enter your name.";
        }
        else if (ownerName.Length > MaxOwnerNameLength)
        {
            errors[nameof(request.OwnerName)] = $"Use at most {MaxOwnerNameLength} characters.";
        }

        if (EmailAddress.Normalize(request.OwnerEmail) is null)
        {
            errors[nameof(request.OwnerEmail)] = "Enter a valid email address, like you@company.com.";
        }

        if (PasswordPolicy.Validate(request.OwnerPassword, request.OwnerEmail, request.OwnerName, request.CompanyName) is { } passwordProblem)
        {
            errors[nameof(request.OwnerPassword)] = passwordProblem;
        }

        var recipe = catalog.Find(request.RecipeName);
        if (recipe is null || (request.RequireSelectableRecipe && !recipe.Selectable))
        {
            errors[nameof(request.RecipeName)] = "Choose one of the listed starting points.";
        }
        else if (executor.Validate(recipe) is { Count: > 0 } recipeErrors)
        {
            errors[nameof(request.RecipeName)] = $"The recipe '{recipe.Name}' is invalid: " + string.Join(" ", recipeErrors);
        }

        if (await CheckSubdomainAsync(request.Subdomain, cancellationToken) is { } subdomainProblem)
        {
            errors[nameof(request.Subdomain)] = subdomainProblem;
        }

        return errors;
    }
}
