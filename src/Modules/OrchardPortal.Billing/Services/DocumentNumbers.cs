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
}
