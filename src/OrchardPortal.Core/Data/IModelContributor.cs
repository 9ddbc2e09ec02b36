using Microsoft.EntityFrameworkCore;

namespace OrchardPortal.Core.Data;

/// <summary>
/// A module's entities and their EF configuration. The host and tenant contexts are built from all
/// contributions of their scope, so a module owns its tables without Core knowing them.
/// </summary>
public interface IModelContributor
{
    DatabaseScope Scope { get; }

    void Configure(ModelBuilder modelBuilder);
}
