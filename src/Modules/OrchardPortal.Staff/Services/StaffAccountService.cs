using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

/// <summary>Changes to existing staff accounts: passwords, and an owner's disable / enable / remove.</summary>
public sealed class StaffAccountService(TenantDbContext db, IPasswordHasher<StaffUser> hasher, TimeProvider clock)
{
    public const string LastOwnerMessage = "A portal always needs at least one active owner, so this can't be done to its last one.";

    public Task<List<StaffUser>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<StaffUser>().AsNoTracking().OrderBy(u => u.Name).ThenBy(u => u.Email).ToListAsync(cancellationToken);

    public Task<StaffUser?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<StaffUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>Creates an account that can sign in at once (the owner at signup).</summary>
    public StaffUser AddActive(string email, string name, string password, StaffRole role)
    {
        var user = new StaffUser
        {
            Email = EmailAddress.Normalize(email) ?? throw new ArgumentException("Not a usable email address.", nameof(email)),
            Name = name.Trim(),
            Role = role,
            CreatedUtc = clock.GetUtcNow(),
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Add(user);
        return user;
    }

    /// <summary>
    /// Checks the current password and sets a new one. The security stamp changes, so every other
    /// sign-in of this account ends; the caller re-issues the current browser's cookie.
    /// </summary>
    public async Task<(StaffUser? User, string? Field, string? Error)> ChangePasswordAsync(
        Guid userId, string? currentPassword, string? newPassword, string companyName, CancellationToken cancellationToken)
    {
        var user = await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Id == userId && !u.Disabled, cancellationToken);
        if (user?.PasswordHash is null)
        {
            return (null, "", "Your account could not be found. Please sign in again.");
        }

        if (string.IsNullOrEmpty(currentPassword) || hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return (null, "CurrentPassword", "That isn't your current password.");
        }

        if (PasswordPolicy.Validate(newPassword, user.Email, user.Name, companyName) is { } problem)
        {
            return (null, "NewPassword", problem);
        }

        if (newPassword == currentPassword)
        {
            return (null, "NewPassword", "Choose a password different from your current one.");
        }

        user.PasswordHash = hasher.HashPassword(user, newPassword!);
        user.SecurityStamp = StaffTokens.NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return (user, null, null);
    }

    public string HashPassword(string password) => hasher.HashPassword(null!, password);

    public Task<string?> DisableAsync(Guid actorId, Guid targetId, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, targetId, user =>
        {
            user.Disabled = true;
            user.SecurityStamp = StaffTokens.NewStamp();
        }, cancellationToken);

    public Task<string?> EnableAsync(Guid actorId, Guid targetId, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, targetId, user => user.Disabled = false, cancellationToken);

    public Task<string?> RemoveAsync(Guid actorId, Guid targetId, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, targetId, user => db.Remove(user), cancellationToken);

    /// <summary>
    /// Applies an owner's change to another account, refusing changes to oneself and anything that
    /// would leave no active owner. The check and the change run under one lock, so two owners
    /// removing each other at the same moment cannot both succeed.
    /// </summary>
    private async Task<string?> ChangeAsync(Guid actorId, Guid targetId, Action<StaffUser> change, CancellationToken cancellationToken)
    {
        if (actorId == targetId)
        {
            return "You can't do that to your own account.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // SQLite transactions here are IMMEDIATE (one writer at a time); PostgreSQL needs a lock.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':staff-owners'))", cancellationToken);
        }

        var actor = await db.Set<StaffUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == actorId, cancellationToken);
        if (actor is not { Role: StaffRole.Owner, Disabled: false })
        {
            return "Only an active owner can manage staff.";
        }

        var target = await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Id == targetId, cancellationToken);
        if (target is null)
        {
            return "That staff member no longer exists.";
        }

        change(target);
        var othersActive = await db.Set<StaffUser>()
            .CountAsync(u => u.Role == StaffRole.Owner && !u.Disabled && u.PasswordHash != null && u.Id != targetId, cancellationToken);
        var targetStaysActiveOwner = target is { Role: StaffRole.Owner, Disabled: false, PasswordHash: not null } && db.Entry(target).State != EntityState.Deleted;
        if (othersActive == 0 && !targetStaysActiveOwner)
        {
            // Nothing of the refused change may reach a later save in this scope.
            db.ChangeTracker.Clear();
            return LastOwnerMessage;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
