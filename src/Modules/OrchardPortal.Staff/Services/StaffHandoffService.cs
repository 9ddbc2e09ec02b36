using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Staff.Models;

namespace OrchardPortal.Staff.Services;

/// <summary>
/// One-time sign-in links for the owner right after signup: the signup runs on the host site, whose
/// cookies the tenant's site never sees, so the host redirects to a link the tenant's site redeems.
/// </summary>
public sealed class StaffHandoffService(TenantDbContext db, TimeProvider clock)
{
    public const string Path = "/admin/handoff";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Adds a link for <paramref name="userId"/> to the context (the caller saves) and returns its tenant-relative URL.</summary>
    public string Issue(Guid userId)
    {
        var token = StaffTokens.NewToken();
        db.Add(new StaffHandoffToken { TokenHash = StaffTokens.Hash(token), UserId = userId, ExpiresUtc = clock.GetUtcNow() + Lifetime });
        return Path + "?token=" + token;
    }

    /// <summary>
    /// Spends a link: the delete that removes it is what decides, so a link works exactly once even
    /// when two requests race. Returns the account to sign in, or null.
    /// </summary>
    public async Task<StaffUser?> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Set<StaffHandoffToken>().Where(t => t.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        if (!StaffTokens.LooksValid(token))
        {
            return null;
        }

        var hash = StaffTokens.Hash(token!);
        var row = await db.Set<StaffHandoffToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (row is null || await db.Set<StaffHandoffToken>().Where(t => t.TokenHash == hash).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return null;
        }

        return await db.Set<StaffUser>().AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == row.UserId && !u.Disabled && u.PasswordHash != null, cancellationToken);
    }
}
