using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>What an emailed link turned out to be when someone opened it.</summary>
public enum PortalLinkState
{
    Valid,

    /// <summary>No such link on this site (mistyped, another site's, or its account was removed or disabled).</summary>
    Unknown,

    Expired,

    /// <summary>Used already, or replaced by a newer link of the same kind.</summary>
    Used,
}

/// <summary>A link's state with its token row and user (both null when <see cref="PortalLinkState.Unknown"/>).</summary>
public sealed record PortalLinkCheck(PortalLinkState State, PortalToken? Token, PortalUser? User);

/// <summary>
/// Issues, looks up and spends the single-use tokens behind emailed links. Adds rows to the tenant
/// context without saving, so a link commits together with the email that carries it.
/// </summary>
public sealed class PortalTokenStore(TenantDbContext db, TimeProvider clock)
{
    /// <summary>Password-reset links work this long.</summary>
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromMinutes(60);

    /// <summary>One-time sign-in links work this long: they open an account without a password, so briefly.</summary>
    public static readonly TimeSpan SignInLinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Adds a token for <paramref name="userId"/> (not saved) and returns the secret for the link.</summary>
    public string Issue(long userId, PortalTokenPurpose purpose, TimeSpan lifetime)
    {
        var token = PortalTokens.NewToken();
        var now = clock.GetUtcNow();
        db.Add(new PortalToken { TokenHash = PortalTokens.Hash(token), Purpose = purpose, UserId = userId, CreatedUtc = now, ExpiresUtc = now + lifetime });
        return token;
    }

    /// <summary>Marks the users' unused links of <paramref name="purpose"/> (or of every purpose) used, at once, in the caller's transaction if any.</summary>
    public async Task RetireAsync(IReadOnlyCollection<long> userIds, PortalTokenPurpose? purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var chunk in userIds.Distinct().Chunk(500))
        {
            await db.Set<PortalToken>()
                .Where(t => chunk.Contains(t.UserId) && t.UsedUtc == null && (purpose == null || t.Purpose == purpose))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedUtc, now), cancellationToken);
        }
    }

    /// <summary>What <paramref name="token"/> is, for a link of <paramref name="purpose"/>; changes nothing.</summary>
    public async Task<PortalLinkCheck> CheckAsync(string? token, PortalTokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (!PortalTokens.LooksValid(token))
        {
            return new PortalLinkCheck(PortalLinkState.Unknown, null, null);
        }

        var hash = PortalTokens.Hash(token!);
        var row = await db.Set<PortalToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        var user = row is null ? null : await db.Set<PortalUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == row.UserId, cancellationToken);
        if (row is null || user is null || user.Status == PortalUserStatus.Disabled)
        {
            return new PortalLinkCheck(PortalLinkState.Unknown, null, null);
        }

        // An invitation is spent once its account has a password, whichever link set it.
        var spent = row.UsedUtc is not null || (purpose == PortalTokenPurpose.Invitation && user.Status != PortalUserStatus.Invited)
            || (purpose != PortalTokenPurpose.Invitation && user.Status != PortalUserStatus.Active);
        var state = spent ? PortalLinkState.Used : row.ExpiresUtc <= clock.GetUtcNow() ? PortalLinkState.Expired : PortalLinkState.Valid;
        return new PortalLinkCheck(state, row, user);
    }

    /// <summary>
    /// Spends a valid token. One statement decides, so two simultaneous submits of the same link cannot
    /// both succeed. Returns false when it was spent (or expired) meanwhile.
    /// </summary>
    public async Task<bool> SpendAsync(PortalToken token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var spent = await db.Set<PortalToken>().Where(t => t.Id == token.Id && t.UsedUtc == null && t.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedUtc, now), cancellationToken);
        return spent == 1;
    }
}
