using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Portal.Data;

internal sealed class PortalModel : IModelContributor
{
    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var access = modelBuilder.Entity<CustomerPortalAccess>();
        access.ToTable("CustomerPortalAccess");
        access.HasKey(a => a.CustomerId);
        access.Property(a => a.CustomerId).HasMaxLength(CustomerPortalAccess.MaxCustomerIdLength);
        access.Property(a => a.HiddenTabs).HasMaxLength(500);
        access.Ignore(a => a.HiddenTabKeys);
    }
}
