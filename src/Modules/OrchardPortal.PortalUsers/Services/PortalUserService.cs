using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// The PortalUsers module's public contract for staff screens and other modules: a customer's portal
/// users and "Manage portal users". Scoped to a tenant. Entities it returns are detached snapshots;
/// change them through the methods here. Email is unique per tenant; removing a user deletes it.
/// </summary>
public sealed partial class PortalUserService(TenantDbContext db, CustomerService customers, PortalTokenStore tokens, TimeProvider clock)
{
    /// <summary>The customer's portal users, oldest first.</summary>
    public async Task<IReadOnlyList<PortalUser>> ListForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        await db.Set<PortalUser>().AsNoTracking().Where(u => u.CustomerId == customerId).OrderBy(u => u.Id).ToListAsync(cancellationToken);

    public Task<PortalUser?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Set<PortalUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>By (normalized) email; null when no user has it.</summary>
    public Task<PortalUser?> FindByEmailAsync(string? email, CancellationToken cancellationToken)
    {
        var address = Core.Security.EmailAddress.Normalize(email);
        return address is null ? Task.FromResult<PortalUser?>(null)
            : db.Set<PortalUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Email == address, cancellationToken);
    }

    /// <summary>
    /// Adds a portal user (status Invited, no password) to an existing customer. Sends nothing: call
    /// <see cref="PortalInvitationService.InviteUserAsync"/> to email the activation link.
    /// Refused (errors keyed <c>Email</c>, <c>Name</c>, <c>Tabs</c>, "") for a bad or taken email, an
    /// empty name, an unknown tab, or an unknown customer.
    /// </summary>
    public async Task<PortalUserResult> AddAsync(long customerId, string? email, string? name, PortalUserPermissions permissions, CancellationToken cancellationToken)
    {
        var errors = PortalUserValidator.Validate(email, name, permissions, out var address, out var cleanName);
        if (errors.Count > 0)
        {
            return PortalUserResult.Invalid(errors);
        }

        if (await customers.GetAsync(customerId, cancellationToken) is null)
        {
            return PortalUserResult.Invalid("", "That customer no longer exists.");
        }

        if (await db.Set<PortalUser>().AnyAsync(u => u.Email == address, cancellationToken))
        {
            return PortalUserResult.Invalid("Email", PortalUserValidator.TakenMessage(address));
        }

        var user = NewUser(customerId, address, cleanName, permissions);
        db.Add(user);
        if (await SaveAsync(user, cancellationToken) is { } refused)
        {
            return refused;
        }

        await customers.SetPortalFlagsAsync(customerId, new CustomerPortalFlags(HasPortalAccount: true), cancellationToken);
        return PortalUserResult.Ok(user.Id);
    }

    /// <summary>Changes a user's email, name and permissions; same validation as <see cref="AddAsync"/>. A new email voids links sent to the old one.</summary>
    public async Task<PortalUserResult> UpdateAsync(long id, string? email, string? name, PortalUserPermissions permissions, CancellationToken cancellationToken)
    {
        var errors = PortalUserValidator.Validate(email, name, permissions, out var address, out var cleanName);
        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return PortalUserResult.Missing(id);
        }

        if (errors.Count > 0)
        {
            return PortalUserResult.Invalid(errors, id);
        }

        if (address != user.Email)
        {
            if (await db.Set<PortalUser>().AnyAsync(u => u.Email == address && u.Id != id, cancellationToken))
            {
                return PortalUserResult.Invalid("Email", PortalUserValidator.TakenMessage(address), id);
            }

            await tokens.RetireAsync([id], purpose: null, cancellationToken);
            user.Email = address;
        }

        user.Name = cleanName;
        user.AllowedTabs = PortalUserPermissions.FormatTabs(permissions.Tabs);
        user.CanPay = permissions.CanPay;
        return await SaveAsync(user, cancellationToken) ?? PortalUserResult.Ok(id);
    }

    /// <summary>Turns the account off: no sign-in, existing sessions end at their next request, open links stop working.</summary>
    public async Task<PortalUserResult> DisableAsync(long id, CancellationToken cancellationToken)
    {
        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return PortalUserResult.Missing(id);
        }

        if (user.Status != PortalUserStatus.Disabled)
        {
            await tokens.RetireAsync([id], purpose: null, cancellationToken);
            user.Status = PortalUserStatus.Disabled;
            user.SecurityStamp = PortalTokens.NewStamp();
            await db.SaveChangesAsync(cancellationToken);
        }

        return PortalUserResult.Ok(id);
    }

    /// <summary>Turns a disabled account back on (Active with a password, otherwise Invited), with a clean lockout count.</summary>
    public async Task<PortalUserResult> EnableAsync(long id, CancellationToken cancellationToken)
    {
        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return PortalUserResult.Missing(id);
        }

        if (user.Status == PortalUserStatus.Disabled)
        {
            user.Status = user.PasswordHash is null ? PortalUserStatus.Invited : PortalUserStatus.Active;
            user.FailedSignIns = 0;
            user.LockedUntilUtc = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return PortalUserResult.Ok(id);
    }

    /// <summary>Deletes the user and their links; sessions end. The customer's "has portal account" flag follows.</summary>
    public async Task<PortalUserResult> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return PortalUserResult.Missing(id);
        }

        db.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.Set<PortalUser>().AnyAsync(u => u.CustomerId == user.CustomerId, cancellationToken))
        {
            await customers.SetPortalFlagsAsync(user.CustomerId, new CustomerPortalFlags(HasPortalAccount: false), cancellationToken);
        }

        return PortalUserResult.Ok(id);
    }

    internal PortalUser NewUser(long customerId, string email, string name, PortalUserPermissions permissions) => new()
    {
        CustomerId = customerId,
        Email = email,
        Name = name,
        Status = PortalUserStatus.Invited,
        AllowedTabs = PortalUserPermissions.FormatTabs(permissions.Tabs),
        CanPay = permissions.CanPay,
        SecurityStamp = PortalTokens.NewStamp(),
        CreatedUtc = clock.GetUtcNow(),
    };

    // Null when saved. Two staff adding the same address at once: the unique index turns the loser's save into the validator's message.
    private async Task<PortalUserResult?> SaveAsync(PortalUser user, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.Entry(user).State = EntityState.Detached;
            return PortalUserResult.Invalid("Email", PortalUserValidator.TakenMessage(user.Email), user.Id);
        }
    }
}
