using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Where the host registry and each tenant's data live. One implementation per provider;
/// the EF model is the same everywhere, only the connection changes.
/// </summary>
public interface ITenantStorage
{
    string ProviderName { get; }

    void ConfigureHost(DbContextOptionsBuilder builder);

    void ConfigureTenant(DbContextOptionsBuilder builder, TenantRecord tenant);

    /// <summary>Creates an empty storage namespace, replacing any leftover of a failed earlier attempt.</summary>
    Task CreateAsync(TenantRecord tenant, CancellationToken cancellationToken);

    /// <summary>Removes the tenant's storage namespace and its files. Succeeds when nothing is there.</summary>
    Task DeleteAsync(TenantRecord tenant, CancellationToken cancellationToken);

    /// <summary>Whether any trace of the tenant's storage exists (used by tests and the operator area).</summary>
    Task<bool> ExistsAsync(TenantRecord tenant, CancellationToken cancellationToken);

    /// <summary>The tenant's folder for files (media, documents). Always on local disk today.</summary>
    string GetTenantFilesPath(string tenantName);
}
