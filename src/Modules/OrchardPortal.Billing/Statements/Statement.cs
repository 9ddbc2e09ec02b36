using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Statements;

/// <summary>A statement of account: the balance before <see cref="From"/>, every row in the range with the running balance, the balance after <see cref="To"/>.</summary>
public sealed record Statement(
    long CustomerId,
    string CustomerName,
    string AccountNumber,
    string CompanyName,
    DateOnly From,
    DateOnly To,
    long Opening,
    IReadOnlyList<StatementRow> Rows,
    long Closing,
    Func<long, string> Money)
{
    public long Charges => Rows.Where(r => r.Entry.Amount > 0).Sum(r => r.Entry.Amount);

    public long Credits => -Rows.Where(r => r.Entry.Amount < 0).Sum(r => r.Entry.Amount);
}

public sealed record StatementRow(LedgerEntry Entry, long Balance);
