using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Payments.Gateways.Sandbox;

/// <summary>
/// The Sandbox's own storage in the tenant database. Each operation runs in its own DI scope (its own
/// DbContext and transaction), as a remote gateway would, so it never commits the caller's pending changes.
/// Idempotent operations store their answer with the key in the same transaction as their effects: the
/// first committer wins and every other request with that key gets the winner's answer.
/// </summary>
public sealed class SandboxStore(TenantScope scope, TenantScopeFactory scopes, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs <paramref name="work"/> in a fresh tenant scope and saves what it changed.</summary>
    public async Task<T> RunAsync<T>(Func<TenantDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var child = scopes.CreateScope(scope.Required);
        var db = child.ServiceProvider.GetRequiredService<TenantDbContext>();
        var result = await work(db);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Stripe's idempotency: the same key with the same operation and parameters returns the first answer
    /// (even if the object changed since); the same key with anything else is refused.
    /// </summary>
    public async Task<TResponse> IdempotentAsync<TResponse>(string key, string operation, object parameters, Func<TenantDbContext, Task<TResponse>> work, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var hash = Hash(operation, parameters);
        var replay = await FindAsync<TResponse>(key, hash, cancellationToken);
        if (replay.Found)
        {
            return replay.Response!;
        }

        try
        {
            return await RunAsync(async db =>
            {
                var response = await work(db);
                db.Add(new SandboxRequest
                {
                    IdempotencyKey = key,
                    RequestHash = hash,
                    ResponseJson = JsonSerializer.Serialize(response, Json),
                    CreatedUtc = clock.GetUtcNow(),
                });
                return response;
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // A concurrent request with this key committed first: its answer is ours.
            replay = await FindAsync<TResponse>(key, hash, cancellationToken);
            return replay.Found ? replay.Response! : throw new InvalidOperationException("An idempotency key conflicted but no answer is stored.", exception);
        }
    }

    private async Task<(bool Found, TResponse? Response)> FindAsync<TResponse>(string key, string hash, CancellationToken cancellationToken)
    {
        var stored = await RunAsync(db => db.Set<SandboxRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.IdempotencyKey == key, cancellationToken), cancellationToken);
        if (stored is null)
        {
            return (false, default);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.RequestHash), Encoding.ASCII.GetBytes(hash)))
        {
            throw new PaymentGatewayException("Keys for idempotent requests can only be used with the same parameters they were first used with.", "idempotency_key_reused");
        }

        return (true, JsonSerializer.Deserialize<TResponse>(stored.ResponseJson, Json));
    }

    private static string Hash(string operation, object parameters) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(parameters, parameters.GetType(), Json))));
}
