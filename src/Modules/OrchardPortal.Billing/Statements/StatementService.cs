using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Statements;

/// <summary>Builds a customer's statement of account for a date range from the ledger (never from cached balances).</summary>
public sealed class StatementService(BillingLedger ledger, CustomerService customers, BillingContext billing)
{
    /// <summary>The longest range one statement covers: a few years is plenty, and it bounds the work.</summary>
    public const int MaxDays = 3 * 366;

    /// <summary>Null when there is no such customer.</summary>
    public async Task<Statement?> BuildAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var opening = await ledger.GetBalanceBeforeAsync(customerId, from, cancellationToken);
        var rows = new List<StatementRow>();
        var running = opening;
        foreach (var entry in await ledger.EntriesAsync(customerId, from, to, cancellationToken))
        {
            running += entry.Amount;
            rows.Add(new StatementRow(entry, running));
        }

        var profile = await billing.ProfileAsync(cancellationToken);
        return new Statement(customer.Id, customer.DisplayName, customer.AccountNumber, profile.CompanyName, from, to, opening, rows, running, await billing.FormatterAsync(cancellationToken));
    }

    /// <summary>
    /// The range from query-string dates: defaults to the last 90 days up to today; a reversed or too long
    /// range is an error message (for the page), never an exception.
    /// </summary>
    public async Task<(DateOnly From, DateOnly To, string? Error)> RangeAsync(string? fromText, string? toText, CancellationToken cancellationToken)
    {
        var today = await billing.TodayAsync(cancellationToken);
        var to = today;
        var from = today.AddDays(-90);
        if (!string.IsNullOrWhiteSpace(toText) && !DateOnly.TryParseExact(toText, "yyyy-MM-dd", out to))
        {
            return (today.AddDays(-90), today, "Enter the end date as a date.");
        }

        if (!string.IsNullOrWhiteSpace(fromText) && !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", out from))
        {
            return (today.AddDays(-90), today, "Enter the start date as a date.");
        }

        if (string.IsNullOrWhiteSpace(fromText) && !string.IsNullOrWhiteSpace(toText))
        {
            from = to.AddDays(-90);
        }

        if (from > to)
        {
            return (to.AddDays(-90), to, "The start date must be on or before the end date.");
        }

        if (to.DayNumber - from.DayNumber > MaxDays)
        {
            return (to.AddDays(-90), to, "Choose a range of at most three years.");
        }

        return (from, to, null);
    }
}
