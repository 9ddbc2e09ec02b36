using Microsoft.EntityFrameworkCore;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Security;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

/// <summary>What an invitation link turned out to be when someone opened it.</summary>
public enum InvitationStatus
{
    Valid,
    Unknown,
    Expired,
    Used,
}

/// <summary>
/// Invites staff by email and lets them accept: the link carries a single-use token valid for
/// <see cref="Lifetime"/>; only its hash is stored. A new invitation (re-send) replaces the old link.
/// </summary>
public sealed class StaffInvitationService(TenantDbContext db, IEmailOutbox outbox, SiteIdentityService site, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Creates the pending account and queues its email in one commit. Returns an error message, or null.</summary>
    public async Task<string?> InviteAsync(StaffInvite invite, string inviterName, string linkBase, CancellationToken cancellationToken)
    {
        var address = EmailAddress.Normalize(invite.Email);
        if (address is null)
        {
            return "Enter a valid email address.";
        }

        if (await db.Set<StaffUser>().AnyAsync(u => u.Email == address, cancellationToken))
        {
            return AlreadyExistsMessage;
        }

        var now = clock.GetUtcNow();
        var user = new StaffUser { Email = address, Name = invite.Name.Trim(), Role = invite.Role, CreatedUtc = now };
        db.Add(user);
        Issue(user, await site.GetCompanyNameAsync(cancellationToken), inviterName, linkBase, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Someone invited the same address a moment earlier; neither the row nor the email is kept.
            db.ChangeTracker.Clear();
            return AlreadyExistsMessage;
        }
    }

    /// <summary>Sends a fresh link to a pending invitation; the previous link stops working.</summary>
    public async Task<string?> ResendAsync(Guid userId, string inviterName, string linkBase, CancellationToken cancellationToken)
    {
        var user = await db.Set<StaffUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.IsInvitationPending)
        {
            return "That invitation has already been accepted or no longer exists.";
        }

        Issue(user, await site.GetCompanyNameAsync(cancellationToken), inviterName, linkBase, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<(InvitationStatus Status, StaffUser? User)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!StaffTokens.LooksValid(token))
        {
            return (InvitationStatus.Unknown, null);
        }

        var hash = StaffTokens.Hash(token!);
        var user = await db.Set<StaffUser>().AsNoTracking().FirstOrDefaultAsync(u => u.InvitationTokenHash == hash, cancellationToken);
        return user switch
        {
            null or { Disabled: true } => (InvitationStatus.Unknown, null),
            { InvitationAcceptedUtc: not null } => (InvitationStatus.Used, user),
            _ when user.InvitationExpiresUtc <= clock.GetUtcNow() => (InvitationStatus.Expired, user),
            _ => (InvitationStatus.Valid, user),
        };
    }

    /// <summary>
    /// Spends the link and sets the account's name and password. One statement decides, so two
    /// simultaneous submits of the same link cannot both succeed. Returns the account, or null when
    /// the link was used, replaced or expired meanwhile.
    /// </summary>
    public async Task<StaffUser?> AcceptAsync(string token, string name, string passwordHash, CancellationToken cancellationToken)
    {
        var hash = StaffTokens.Hash(token);
        var now = clock.GetUtcNow();
        var stamp = StaffTokens.NewStamp();
        var changed = await db.Set<StaffUser>()
            .Where(u => u.InvitationTokenHash == hash && u.InvitationAcceptedUtc == null && u.InvitationExpiresUtc > now && !u.Disabled)
            .ExecuteUpdateAsync(
                s => s.SetProperty(u => u.InvitationAcceptedUtc, now)
                    .SetProperty(u => u.Name, name.Trim())
                    .SetProperty(u => u.PasswordHash, passwordHash)
                    .SetProperty(u => u.SecurityStamp, stamp),
                cancellationToken);
        return changed == 1
            ? await db.Set<StaffUser>().AsNoTracking().FirstAsync(u => u.InvitationTokenHash == hash, cancellationToken)
            : null;
    }

    private const string AlreadyExistsMessage = "Someone with this email is already on your staff list.";

    private void Issue(StaffUser user, string companyName, string inviterName, string linkBase, DateTimeOffset now)
    {
        var token = StaffTokens.NewToken();
        user.InvitedUtc = now;
        user.InvitationTokenHash = StaffTokens.Hash(token);
        user.InvitationExpiresUtc = now + Lifetime;
        outbox.Enqueue(StaffInvitationEmail.Build(user, companyName, inviterName, linkBase + "/admin/invitation?token=" + token));
    }
}

/// <summary>What the owner typed into the invite form.</summary>
public sealed record StaffInvite(string Email, string Name, StaffRole Role);
