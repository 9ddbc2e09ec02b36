using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

/// <summary>
/// Hands out sequential account numbers (<c>C-000001</c>, <c>C-000002</c>, …), skipping any that staff
/// already typed by hand. The counter advances in one atomic SQL statement, so two people creating
/// customers at once never get the same number; a number taken by a failed save is simply skipped.
/// </summary>
public sealed class AccountNumberGenerator(TenantDbContext db)
{
    public const string Prefix = "C-";
    private const string CounterName = "AccountNumber";
    private const int CheckChunk = 1000;

    public static string Format(long value) => Prefix + value.ToString("D6", CultureInfo.InvariantCulture);

    public async Task<string> NextAsync(CancellationToken cancellationToken) => (await TakeAsync(1, cancellationToken))[0];

    /// <summary><paramref name="count"/> unused numbers, in order.</summary>
    public async Task<List<string>> TakeAsync(int count, CancellationToken cancellationToken)
    {
        var numbers = new List<string>(count);
        while (numbers.Count < count)
        {
            var wanted = count - numbers.Count;
            var last = await AdvanceAsync(wanted, cancellationToken);
            var first = last - wanted + 1;
            for (var start = first; start <= last; start += CheckChunk)
            {
                var candidates = new List<string>();
                for (var value = start; value <= Math.Min(last, start + CheckChunk - 1); value++)
                {
                    candidates.Add(Format(value));
                }

                var taken = await db.Set<Customer>().AsNoTracking()
                    .Where(c => candidates.Contains(c.AccountKey))
                    .Select(c => c.AccountKey)
                    .ToListAsync(cancellationToken);
                numbers.AddRange(candidates.Except(taken, StringComparer.Ordinal));
            }
        }

        return numbers;
    }

    // INSERT … ON CONFLICT … RETURNING works the same on SQLite (3.35+) and PostgreSQL. Not composable,
    // so it is read with ToListAsync (First() would wrap it in a subquery).
    private async Task<long> AdvanceAsync(long by, CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO "CustomerCounters" ("Name", "Value") VALUES ({0}, {1})
            ON CONFLICT ("Name") DO UPDATE SET "Value" = "CustomerCounters"."Value" + excluded."Value"
            RETURNING "Value"
            """,
            CounterName,
            by).ToListAsync(cancellationToken);
        return values[0];
    }
}
