using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Data;

/// <summary>The PortalUsers module's tenant tables. <see cref="PortalUsersMigration"/> must create exactly this shape.</summary>
internal sealed class PortalUsersModel : IModelContributor
{
    public const int EmailLength = 254;
    public const int NameLength = 100;
    public const int PasswordHashLength = 200;
    public const int StampLength = 64;
    public const int TabsLength = 200;
    public const int EnumLength = 16;
    public const int TokenHashLength = 64;
    public const int BulkKeyLength = 36;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var user = modelBuilder.Entity<PortalUser>();
        user.ToTable("PortalUsers");
        user.HasKey(u => u.Id);
        user.Property(u => u.Email).HasMaxLength(EmailLength);
        user.Property(u => u.Name).HasMaxLength(NameLength);
        user.Property(u => u.PasswordHash).HasMaxLength(PasswordHashLength);
        user.Property(u => u.Status).HasConversion<string>().HasMaxLength(EnumLength);
        user.Property(u => u.AllowedTabs).HasMaxLength(TabsLength);
        user.Property(u => u.SecurityStamp).HasMaxLength(StampLength);
        user.Ignore(u => u.Permissions);
        user.HasIndex(u => u.Email).IsUnique();
        user.HasIndex(u => u.CustomerId);

        var token = modelBuilder.Entity<PortalToken>();
        token.ToTable("PortalTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.TokenHash).HasMaxLength(TokenHashLength);
        token.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(EnumLength);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => new { t.UserId, t.Purpose });
        token.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);

        var bulk = modelBuilder.Entity<PortalBulkRequest>();
        bulk.ToTable("PortalBulkRequests");
        bulk.HasKey(r => r.Key);
        bulk.Property(r => r.Key).HasMaxLength(BulkKeyLength);
        bulk.HasIndex(r => r.CreatedUtc);
    }
}
