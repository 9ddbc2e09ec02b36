using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

/// <summary>
/// Hashing a password is deliberately slow. On SQLite a transaction holds the tenant's only write lock,
/// so the hash must be computed before the activation / reset transaction begins, never inside it.
/// </summary>
public sealed class PasswordHashingTests(HashWatchingPortalUsersApp app) : IClassFixture<HashWatchingPortalUsersApp>
{
    [Fact]
    public async Task Activating_and_resetting_hash_the_password_before_the_transaction_that_saves_it()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await app.ActivatedUserAsync(tenant, "hashing");

        var visitor = app.CreateClient(tenant.Host);
        await visitor.PostFormAsync("/forgot-password", [new("Email", user.Email)]);
        var link = await app.Mail.LinkAsync(user.Email, "/reset-password/");
        var reset = await visitor.SetPasswordAsync(link, "Orchard-Sundial-2046");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var hashes = app.Hashes.Where(h => h.Email == user.Email).ToList();
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.False(h.InTransaction, "The password was hashed inside the write transaction."));
    }
}

/// <summary>A SQLite host whose portal password hasher notes, for each hash, whether the request's tenant context had a transaction open.</summary>
public sealed class HashWatchingPortalUsersApp() : PortalUsersApp(StorageKind.Sqlite)
{
    public ConcurrentQueue<(string Email, bool InTransaction)> Hashes { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddScoped<IPasswordHasher<PortalUser>>(sp => new WatchingHasher(sp.GetRequiredService<TenantDbContext>(), Hashes));

    private sealed class WatchingHasher(TenantDbContext db, ConcurrentQueue<(string, bool)> hashes) : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();

        public string HashPassword(PortalUser user, string password)
        {
            hashes.Enqueue((user.Email, db.Database.CurrentTransaction is not null));
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword) =>
            _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
