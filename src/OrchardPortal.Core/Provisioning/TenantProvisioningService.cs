using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Recipes;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Provisioning;

/// <summary>
/// Creates a tenant: validate everything, claim the name in the registry (Provisioning), create its
/// storage, migrate, run the recipe and setup handlers in one transaction, then mark it Running.
/// Any failure removes the storage and the registry row, so nothing half-made remains.
/// </summary>
public sealed class TenantProvisioningService(
    HostDbContext hostDb,
    ITenantStorage storage,
    TenantScopeFactory scopes,
    RecipeCatalog catalog,
    TenantRegistry registry,
    ProvisioningValidator validator,
    TimeProvider clock,
    ILogger<TenantProvisioningService> logger)
{
    public async Task<ProvisioningResult> ProvisionAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var errors = await validator.ValidateAsync(request, cancellationToken);
        if (errors.Count > 0)
        {
            return new ProvisioningResult { Errors = errors };
        }

        var recipe = catalog.Find(request.RecipeName)!;
        var now = clock.GetUtcNow();
        var tenant = new TenantRecord
        {
            Name = TenantNameRules.Normalize(request.Subdomain),
            CompanyName = request.CompanyName.Trim(),
            State = TenantState.Provisioning,
            RecipeName = recipe.Name,
            OwnerEmail = request.OwnerEmail.Trim().ToLowerInvariant(),
            Placement = request.Placement,
            CreatedUtc = now,
            UpdatedUtc = now,
        };

        if (!await TryClaimAsync(tenant, cancellationToken))
        {
            return ProvisioningResult.Failed(nameof(ProvisioningRequest.Subdomain), ProvisioningValidator.TakenMessage(tenant.Name));
        }

        try
        {
            var landing = await BuildTenantAsync(tenant, recipe, request, cancellationToken);
            tenant.State = TenantState.Running;
            tenant.UpdatedUtc = clock.GetUtcNow();
            await hostDb.SaveChangesAsync(CancellationToken.None);
            registry.Invalidate(tenant.Name);
            logger.LogInformation("Provisioned tenant {Tenant} with recipe {Recipe}", tenant.Name, recipe.Name);
            return new ProvisioningResult { Tenant = tenant, OwnerLandingPath = landing };
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Provisioning tenant {Tenant} failed; removing what was created", tenant.Name);
            await RemoveAsync(tenant);
            throw;
        }
    }

    private async Task<bool> TryClaimAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        hostDb.Add(tenant);
        try
        {
            // The primary key on Name makes this the one place two simultaneous signups are decided.
            await hostDb.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            hostDb.Entry(tenant).State = EntityState.Detached;
            return false;
        }
    }

    private async Task<string?> BuildTenantAsync(TenantRecord tenant, Recipe recipe, ProvisioningRequest request, CancellationToken cancellationToken)
    {
        await storage.CreateAsync(tenant, cancellationToken);
        await using var scope = scopes.CreateScope(tenant);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TenantDbContext>();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(db, DatabaseScope.Tenant, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CompanyName"] = tenant.CompanyName,
            ["TenantName"] = tenant.Name,
            ["OwnerName"] = request.OwnerName.Trim(),
            ["OwnerEmail"] = tenant.OwnerEmail,
        };
        await services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, new RecipeExecutionContext(tenant, services, variables), cancellationToken);

        var setup = new TenantSetupContext(tenant, request, services);
        foreach (var handler in services.GetServices<ITenantSetupHandler>())
        {
            await handler.SetupAsync(setup, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return setup.OwnerLandingPath;
    }

    private async Task RemoveAsync(TenantRecord tenant)
    {
        try
        {
            await storage.DeleteAsync(tenant, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Keep going: the registry row must not outlive a failed attempt either. A storage leftover
            // is replaced by the next CreateAsync for this name.
            logger.LogError(exception, "Could not remove storage of failed tenant {Tenant}", tenant.Name);
        }

        hostDb.ChangeTracker.Clear();
        await hostDb.Set<TenantRecord>().Where(t => t.Name == tenant.Name).ExecuteDeleteAsync(CancellationToken.None);
        registry.Invalidate(tenant.Name);
    }
}
