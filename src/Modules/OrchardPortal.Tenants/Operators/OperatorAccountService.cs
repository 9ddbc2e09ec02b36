using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;

namespace OrchardPortal.Tenants.Operators;

/// <summary>Creates operator accounts and checks their passwords, with lockout after repeated failures.</summary>
public sealed class OperatorAccountService(HostDbContext db, IPasswordHasher<OperatorAccount> hasher, TimeProvider clock)
{
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // Verifying against this when the email is unknown makes a wrong email cost as much time as a
    // wrong password, so response times don't reveal which operator emails exist.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<OperatorAccount>().HashPassword(new OperatorAccount { Email = "", PasswordHash = "" }, Guid.NewGuid().ToString()));

    public Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        db.Set<OperatorAccount>().AsNoTracking().AnyAsync(cancellationToken);

    /// <summary>Validates the fields of a new operator account; empty when they are fine.</summary>
    public static Dictionary<string, string> Validate(string? email, string? name, string? password)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (EmailAddress.Normalize(email) is null)
        {
            errors["Email"] = "Enter a valid email address, like you@company.com.";
        }

        if ((name ?? "").Trim().Length > 100)
        {
            errors["Name"] = "Use at most 100 characters.";
        }

        if (PasswordPolicy.Validate(password, email, name) is { } problem)
        {
            errors["Password"] = problem;
        }

        return errors;
    }

    /// <summary>
    /// Creates the first operator. Returns false when an operator already exists (also when another
    /// request won a simultaneous setup), so the first-run page closes for good.
    /// </summary>
    public async Task<bool> TryCreateFirstAsync(string email, string name, string password, CancellationToken cancellationToken)
    {
        if (await AnyAsync(cancellationToken))
        {
            return false;
        }

        return await TryInsertAsync(OperatorAccount.FirstId, email, name, password, cancellationToken);
    }

    /// <summary>Creates the configured operator unless an account with that email exists (start-up, idempotent).</summary>
    public async Task EnsureAccountAsync(string email, string name, string password, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email)!;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await db.Set<OperatorAccount>().AsNoTracking().AnyAsync(o => o.Email == normalized, cancellationToken))
            {
                return;
            }

            var nextId = (await db.Set<OperatorAccount>().MaxAsync(o => (int?)o.Id, cancellationToken) ?? 0) + 1;
            if (await TryInsertAsync(nextId, normalized, name, password, cancellationToken))
            {
                return;
            }

            // Another node starting at the same time took the id or the email: look again.
        }

        throw new InvalidOperationException("Could not create the configured operator account.");
    }

    /// <summary>The operator when the email and password match and the account isn't locked; otherwise null.</summary>
    public async Task<OperatorAccount?> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        var account = normalized is null ? null : await db.Set<OperatorAccount>().FirstOrDefaultAsync(o => o.Email == normalized, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(new OperatorAccount { Email = "", PasswordHash = "" }, DummyHash.Value, password ?? "");
            return null;
        }

        var now = clock.GetUtcNow();
        if (account.LockedUntilUtc > now)
        {
            return null;
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(account.Id, now, cancellationToken);
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password!);
        }

        account.FailedSignIns = 0;
        account.LockedUntilUtc = null;
        account.LastSignInUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    private async Task RecordFailureAsync(int id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Incremented in SQL so simultaneous guesses each count.
        var lockedUntil = now + LockoutDuration;
        await db.Set<OperatorAccount>().Where(o => o.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedSignIns, o => o.FailedSignIns + 1), cancellationToken);
        await db.Set<OperatorAccount>().Where(o => o.Id == id && o.FailedSignIns >= MaxFailedSignIns)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.LockedUntilUtc, lockedUntil).SetProperty(o => o.FailedSignIns, 0),
                cancellationToken);
    }

    private async Task<bool> TryInsertAsync(int id, string email, string name, string password, CancellationToken cancellationToken)
    {
        var account = new OperatorAccount
        {
            Id = id,
            Email = EmailAddress.Normalize(email)!,
            Name = name.Trim(),
            PasswordHash = "",
            CreatedUtc = clock.GetUtcNow(),
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.Entry(account).State = EntityState.Detached;
            return false;
        }
    }
}
