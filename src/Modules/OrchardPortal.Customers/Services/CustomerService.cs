using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

/// <summary>
/// The Customers module's public contract: other modules (portal users, billing, payments) read and
/// change customers only through this service. Scoped to a tenant. Entities it returns are detached
/// snapshots; change them through the methods here.
/// </summary>
public sealed partial class CustomerService(
    TenantDbContext db, CustomerValidator validator, AccountNumberGenerator numbers, TimeProvider clock)
{
    public Task<Customer?> GetAsync(long id, CancellationToken cancellationToken) =>
        WithContacts().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>By account number, ignoring case (<c>c-000123</c> finds <c>C-000123</c>).</summary>
    public Task<Customer?> FindByAccountNumberAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var key = CustomerText.AccountKey(accountNumber ?? "");
        return WithContacts().FirstOrDefaultAsync(c => c.AccountKey == key, cancellationToken);
    }

    /// <summary>Every customer listing the address (any of their emails); several customers may share one.</summary>
    public async Task<IReadOnlyList<Customer>> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var address = EmailAddress.Normalize(email);
        if (address is null)
        {
            return [];
        }

        return await WithContacts().Where(c => c.Emails.Any(e => e.Address == address)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Set<Customer>().CountAsync(cancellationToken);

    public async Task<CustomerResult> CreateAsync(CustomerDetails details, CancellationToken cancellationToken)
    {
        var errors = await validator.ValidateAsync(details, customerId: null, cancellationToken);
        if (errors.Count > 0)
        {
            return CustomerResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var customer = new Customer
        {
            AccountNumber = CustomerText.Clean(details.AccountNumber) ?? await numbers.NextAsync(cancellationToken),
            DisplayName = "",
            CreatedUtc = now,
        };
        CustomerRecord.Apply(customer, details, now);
        db.Add(customer);
        return await SaveAsync(customer, cancellationToken) ?? CustomerResult.Ok(customer.Id);
    }

    /// <summary>
    /// Saves staff's changes. <c>expectedVersion</c> is the <see cref="Customer.Version"/> the editor started
    /// from; a newer one means someone else saved meanwhile, and nothing is changed.
    /// </summary>
    public async Task<CustomerResult> UpdateAsync(long id, CustomerDetails details, int? expectedVersion, CancellationToken cancellationToken)
    {
        var customer = await Tracked().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return CustomerResult.Missing(id);
        }

        if (expectedVersion is not null && expectedVersion != customer.Version)
        {
            return CustomerResult.Invalid(new Dictionary<string, string> { [""] = CustomerResult.ConcurrencyMessage }, id);
        }

        var errors = await ApplyAsync(customer, details, cancellationToken);
        if (errors.Count > 0)
        {
            return CustomerResult.Invalid(errors, id);
        }

        return await SaveAsync(customer, cancellationToken) ?? CustomerResult.Ok(id);
    }

    public Task<CustomerResult> DeactivateAsync(long id, CancellationToken cancellationToken) => SetStatusAsync(id, CustomerStatus.Inactive, cancellationToken);

    public Task<CustomerResult> ReactivateAsync(long id, CancellationToken cancellationToken) => SetStatusAsync(id, CustomerStatus.Active, cancellationToken);

    /// <summary>
    /// For the portal-users and payments modules: keeps the list's filter flags current. Saves at once,
    /// without bumping <see cref="Customer.Version"/> (a staff member editing meanwhile is not interrupted).
    /// </summary>
    /// <returns>False when there is no such customer.</returns>
    public async Task<bool> SetPortalFlagsAsync(long id, CustomerPortalFlags flags, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return false;
        }

        customer.HasPortalAccount = flags.HasPortalAccount ?? customer.HasPortalAccount;
        customer.AutopayEnabled = flags.AutopayEnabled ?? customer.AutopayEnabled;
        customer.LastPortalSignInUtc = flags.LastPortalSignInUtc ?? customer.LastPortalSignInUtc;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Validates <paramref name="details"/> against a tracked customer and applies them without saving, so a
    /// caller (an approved contact change) can commit them together with its own changes.
    /// </summary>
    internal async Task<Dictionary<string, string>> ApplyAsync(Customer tracked, CustomerDetails details, CancellationToken cancellationToken)
    {
        // A cleared account number keeps the current one: customers never lose their number.
        details.AccountNumber = CustomerText.Clean(details.AccountNumber) ?? tracked.AccountNumber;
        var errors = await validator.ValidateAsync(details, tracked.Id, cancellationToken);
        if (errors.Count > 0)
        {
            return errors;
        }

        tracked.AccountNumber = details.AccountNumber;
        CustomerRecord.Apply(tracked, details, clock.GetUtcNow());
        tracked.Version++;
        return errors;
    }

    internal IQueryable<Customer> Tracked() =>
        db.Set<Customer>().Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Addresses).AsSplitQuery();

    private IQueryable<Customer> WithContacts() =>
        db.Set<Customer>().AsNoTracking()
            .Include(c => c.Emails.OrderBy(e => e.Id))
            .Include(c => c.Phones.OrderBy(p => p.Id))
            .Include(c => c.Addresses.OrderBy(a => a.Id))
            .AsSplitQuery();

    private async Task<CustomerResult> SetStatusAsync(long id, CustomerStatus status, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return CustomerResult.Missing(id);
        }

        if (customer.Status != status)
        {
            customer.Status = status;
            customer.UpdatedUtc = clock.GetUtcNow();
            customer.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return CustomerResult.Ok(id);
    }

    // Null when saved. Two people typing the same new account number at once: the unique index turns the
    // loser's save into the same message the validator gives; a concurrent edit gives the reload message.
    private async Task<CustomerResult?> SaveAsync(Customer customer, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget();
            return CustomerResult.Invalid(new Dictionary<string, string> { [""] = CustomerResult.ConcurrencyMessage }, customer.Id);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            Forget();
            var holder = await db.Set<Customer>().AsNoTracking().Where(c => c.AccountKey == customer.AccountKey).Select(c => c.DisplayName)
                .FirstOrDefaultAsync(cancellationToken) ?? "another customer";
            return CustomerResult.Invalid(new Dictionary<string, string>
            {
                [nameof(CustomerDetails.AccountNumber)] = CustomerValidator.DuplicateAccountNumber(customer.AccountNumber, holder),
            }, customer.Id);
        }
    }

    // Nothing of a refused change may linger in the scope's context for a later save to pick up.
    private void Forget()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Customer or CustomerEmail or CustomerPhone or CustomerAddress).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
