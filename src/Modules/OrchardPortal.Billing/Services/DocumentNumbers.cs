using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Billing.Services;

/// <summary>
/// Hands out sequential invoice and estimate numbers (<c>INV-000001</c>, <c>EST-000001</c>). The counter
/// advances in one atomic SQL statement, so two people saving at once never get the same number; a
/// number someone typed by hand is skipped by the caller retrying on the unique index.
/// </summary>
public sealed class DocumentNumbers(TenantDbContext db)
{
    public const string InvoicePrefix = "INV-";
    public const string EstimatePrefix = "EST-";

    public static string Key(string number) => number.Trim().ToUpperInvariant();

    public async Task<string> NextAsync(string prefix, CancellationToken cancellationToken)
    {
        // INSERT … ON CONFLICT … RETURNING works the same on SQLite (3.35+) and PostgreSQL.
        var values = await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO "BillingCounters" ("Name", "Value") VALUES ({0}, 1)
            ON CONFLICT ("Name") DO UPDATE SET "Value" = "BillingCounters"."Value" + 1
            RETURNING "Value"
            """,
            prefix).ToListAsync(cancellationToken);
        return prefix + values[0].ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Adds and saves a new numbered document: the number staff typed, or the next generated one. A
    /// generated number someone already typed by hand is skipped (the unique index refuses it and the
    /// next one is tried); a typed number already in use is reported on the Number field.
    /// </summary>
    /// <param name="typed">What staff typed in the Number field, or null/blank for a generated number.</param>
    /// <param name="prefix">The generated numbers' prefix (<see cref="InvoicePrefix"/>, <see cref="EstimatePrefix"/>).</param>
    /// <param name="build">Builds the unsaved document for a number.</param>
    /// <param name="id">Reads the saved document's id.</param>
    /// <param name="duplicateNumber">The message for a number already in use.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<BillingResult> AddNumberedAsync<T>(
        string? typed, string prefix, Func<string, Task<T>> build, Func<T, long> id, Func<string, string> duplicateNumber, CancellationToken cancellationToken)
        where T : class
    {
        typed = string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
        for (var attempt = 0; ; attempt++)
        {
            var number = typed ?? await NextAsync(prefix, cancellationToken);
            var document = await build(number);
            db.Add(document);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return BillingResult.Ok(id(document));
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
                if (typed is not null || attempt >= 20)
                {
                    return BillingResult.Invalid(new Dictionary<string, string> { ["Number"] = duplicateNumber(number) });
                }
            }
        }
    }
}
