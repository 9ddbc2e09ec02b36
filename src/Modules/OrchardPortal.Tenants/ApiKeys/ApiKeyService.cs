using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Tenants.Operators;

namespace OrchardPortal.Tenants.ApiKeys;

/// <summary>Issues, lists, revokes and checks operator API keys. A key is shown once; only its hash is kept.</summary>
public sealed class ApiKeyService(HostDbContext db, IOptions<OperatorOptions> options, TimeProvider clock)
{
    public const string KeyPrefix = "opk_";
    public const int MaxNameLength = 100;

    // Touching LastUsedUtc on every call would turn each API read into a write; once a minute is enough to answer "is this key still used?".
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public Task<List<OperatorApiKey>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<OperatorApiKey>().AsNoTracking().OrderByDescending(k => k.CreatedUtc).ToListAsync(cancellationToken);

    /// <summary>Creates a key named <paramref name="name"/>; returns the record and the key itself (never stored).</summary>
    public async Task<(OperatorApiKey Key, string Secret)> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var secret = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = new OperatorApiKey
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Prefix = secret[..(KeyPrefix.Length + 6)],
            KeyHash = Hash(secret),
            CreatedUtc = clock.GetUtcNow(),
        };
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Set<OperatorApiKey>().Where(k => k.Id == id && k.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedUtc, now), cancellationToken);
        return changed > 0;
    }

    /// <summary>Whether <paramref name="presented"/> is the configured key or a live stored key.</summary>
    public async Task<bool> IsValidAsync(string presented, CancellationToken cancellationToken)
    {
        if (presented.Length is 0 or > 200)
        {
            return false;
        }

        var hash = Hash(presented);
        if (options.Value.ApiKey is { Length: > 0 } configured
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(configured)), Encoding.ASCII.GetBytes(hash)))
        {
            return true;
        }

        // Comparing hashes through an index is safe against timing attacks: the attacker controls the
        // key, not its SHA-256, so timing reveals nothing about stored keys.
        var key = await db.Set<OperatorApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        if (key is null || key.RevokedUtc is not null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedUtc is null || now - key.LastUsedUtc > LastUsedResolution)
        {
            key.LastUsedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
