using Microsoft.EntityFrameworkCore;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

public sealed partial class CustomerService
{
    public const int ImportBatchSize = 1000;
    private const int MaxReportedImportErrors = 200;

    /// <summary>
    /// Creates many customers at once (spreadsheet imports, recipes, the demo data). All or nothing: every
    /// row is validated first, including account numbers against each other and the database; only
    /// then are rows inserted, in batches, inside one transaction (the caller's, when one is open).
    /// </summary>
    public async Task<CustomerImportResult> ImportAsync(IEnumerable<CustomerImport> rows, CancellationToken cancellationToken)
    {
        var list = rows.ToList();
        var errors = await ValidateImportAsync(list, cancellationToken);
        if (errors.Count > 0)
        {
            return new CustomerImportResult(0, errors);
        }

        var generated = new Queue<string>(await numbers.TakeAsync(list.Count(r => CustomerText.Clean(r.Details.AccountNumber) is null), cancellationToken));
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var now = clock.GetUtcNow();
            foreach (var batch in list.Chunk(ImportBatchSize))
            {
                var customers = batch.Select(row => NewCustomer(row, generated, now)).ToList();
                db.AddRange(customers);
                await db.SaveChangesAsync(cancellationToken);

                // Detach only what this import added: the caller's own tracked entities stay as they were.
                foreach (var customer in customers)
                {
                    Detach(customer);
                }
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException exception) when (Core.Data.DatabaseErrors.IsUniqueViolation(exception))
        {
            // Someone took one of the account numbers between validation and insert.
            Forget();
            return new CustomerImportResult(0, [new CustomerImportError(0, nameof(CustomerDetails.AccountNumber),
                "An account number in the import was taken while it ran; nothing was imported. Try again.")]);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        return new CustomerImportResult(list.Count, []);
    }

    private async Task<List<CustomerImportError>> ValidateImportAsync(List<CustomerImport> rows, CancellationToken cancellationToken)
    {
        var errors = new List<CustomerImportError>();
        var firstRowByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count && errors.Count < MaxReportedImportErrors; i++)
        {
            var row = i + 1;
            errors.AddRange(CustomerValidator.ValidateFields(rows[i].Details).Select(e => new CustomerImportError(row, e.Key, e.Value)));
            if (!Enum.IsDefined(rows[i].Status))
            {
                errors.Add(new CustomerImportError(row, nameof(CustomerImport.Status), "Use Active or Inactive."));
            }

            if (CustomerText.Clean(rows[i].Details.AccountNumber) is { } number && !firstRowByKey.TryAdd(CustomerText.AccountKey(number), row))
            {
                errors.Add(new CustomerImportError(row, nameof(CustomerDetails.AccountNumber),
                    $"Account number {number} is also used by row {firstRowByKey[CustomerText.AccountKey(number)]}."));
            }
        }

        foreach (var chunk in firstRowByKey.Keys.Chunk(ImportBatchSize))
        {
            var existing = await db.Set<Customer>().AsNoTracking()
                .Where(c => chunk.Contains(c.AccountKey))
                .Select(c => new { c.AccountKey, c.AccountNumber, c.DisplayName })
                .ToListAsync(cancellationToken);
            errors.AddRange(existing.Select(c => new CustomerImportError(firstRowByKey[c.AccountKey], nameof(CustomerDetails.AccountNumber),
                CustomerValidator.DuplicateAccountNumber(c.AccountNumber, c.DisplayName))));
        }

        return [.. errors.OrderBy(e => e.Row).Take(MaxReportedImportErrors)];
    }

    private static Customer NewCustomer(CustomerImport row, Queue<string> generated, DateTimeOffset now)
    {
        var customer = new Customer
        {
            AccountNumber = CustomerText.Clean(row.Details.AccountNumber) ?? generated.Dequeue(),
            DisplayName = "",
            Status = row.Status,
            CreatedUtc = now,
        };
        CustomerRecord.Apply(customer, row.Details, now);
        return customer;
    }

    private void Detach(Customer customer)
    {
        foreach (var child in customer.Emails.Cast<object>().Concat(customer.Phones).Concat(customer.Addresses))
        {
            db.Entry(child).State = EntityState.Detached;
        }

        db.Entry(customer).State = EntityState.Detached;
    }
}
