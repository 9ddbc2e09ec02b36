using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Visits.Models;

namespace OrchardPortal.Visits.Calendar;

/// <summary>
/// Each customer's private calendar address. The token is 32 random bytes (256 bits) in base64url; only
/// its SHA-256 is stored, so the URL can be shown once (when made) and never rebuilt from the database.
/// Making a new one replaces the stored hash, which is what revokes the old address.
/// </summary>
public sealed class CalendarFeedService(TenantDbContext db, TimeProvider clock)
{
    public Task<CalendarFeed?> FindForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.CustomerId == customerId, cancellationToken);

    /// <summary>Creates the customer's token, or replaces it (the old URL stops working at once). Returns the new token.</summary>
    public async Task<string> ResetAsync(long customerId, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.CustomerId == customerId, cancellationToken);
        if (feed is null)
        {
            db.Set<CalendarFeed>().Add(new CalendarFeed { CustomerId = customerId, TokenHash = Hash(token), CreatedUtc = clock.GetUtcNow() });
        }
        else
        {
            feed.TokenHash = Hash(token);
            feed.CreatedUtc = clock.GetUtcNow();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Two first-time clicks at once: the other made the row; replace its token with ours.
            db.ChangeTracker.Clear();
            return await ResetAsync(customerId, cancellationToken);
        }

        return token;
    }

    /// <summary>The customer whose feed this token opens, or null (unknown, revoked, or not a token at all).</summary>
    public async Task<long?> CustomerForTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 43 || !token.All(IsBase64UrlChar))
        {
            return null;
        }

        var hash = Hash(token);
        return await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (long?)f.CustomerId).FirstOrDefaultAsync(cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsBase64UrlChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
