using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Data;

/// <summary>The Staff module's tenant tables. <see cref="StaffMigration"/> must create exactly this shape.</summary>
internal sealed class StaffModel : IModelContributor
{
    public const int EmailLength = 254;
    public const int NameLength = 100;
    public const int RoleLength = 20;
    public const int HashLength = 64;
    public const int PasswordHashLength = 200;

    public DatabaseScope Scope => DatabaseScope.Tenant;

    public void Configure(ModelBuilder modelBuilder)
    {
        var user = modelBuilder.Entity<StaffUser>();
        user.ToTable("StaffUsers");
        user.HasKey(u => u.Id);
        user.Property(u => u.Email).HasMaxLength(EmailLength);
        user.Property(u => u.Name).HasMaxLength(NameLength);
        user.Property(u => u.Role).HasConversion<string>().HasMaxLength(RoleLength);
        user.Property(u => u.PasswordHash).HasMaxLength(PasswordHashLength);
        user.Property(u => u.SecurityStamp).HasMaxLength(HashLength);
        user.Property(u => u.InvitationTokenHash).HasMaxLength(HashLength);
        user.Ignore(u => u.IsInvitationPending);
        user.HasIndex(u => u.Email).IsUnique();
        user.HasIndex(u => u.InvitationTokenHash);

        var handoff = modelBuilder.Entity<StaffHandoffToken>();
        handoff.ToTable("StaffHandoffTokens");
        handoff.HasKey(t => t.TokenHash);
        handoff.Property(t => t.TokenHash).HasMaxLength(HashLength);
        handoff.HasIndex(t => t.ExpiresUtc);
    }
}
