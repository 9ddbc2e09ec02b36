namespace OrchardPortal.Content.SamplePortal;

/// <summary>
/// The made-up customer "View sample portal" shows, in one place. Nothing here is stored: it is built
/// per request, dated relative to today, in the tenant's currency. Amounts are minor units (cents),
/// as everywhere in the portal. Later issues replace it with a customer from the tenant's demo data.
/// </summary>
public static class SamplePortalData
{
    public const string CustomerName = "Sample Customer";

    /// <summary>The sample customer as templates read it (<c>portal.customer</c>).</summary>
    public static Dictionary<string, object?> Customer(DateTimeOffset now, string currency)
    {
        var today = now.Date;
        var invoices = new List<object?>
        {
            Invoice("INV-1042", today.AddDays(-6), today.AddDays(24), 12_500, 12_500, "Open", "Weekly mowing and edging (4 visits)", currency),
            Invoice("INV-1038", today.AddDays(-20), today.AddDays(10), 6_000, 6_000, "Open", "Spring fertiliser treatment", currency),
            Invoice("INV-1029", today.AddDays(-41), today.AddDays(-11), 9_500, 0, "Paid", "Hedge trimming and green-waste removal", currency),
        };
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = CustomerName,
            ["first_name"] = "Sample",
            ["email"] = "sample.customer@example.com",
            ["account_number"] = "SAMPLE-1001",
            ["address"] = "12 Maple Lane, Springfield",
            ["balance"] = 18_500L,
            ["currency"] = currency,
            ["is_sample"] = true,
            ["invoices"] = invoices,
            ["next_visit"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["date"] = new DateTimeOffset(today.AddDays(3).AddHours(9), TimeSpan.Zero),
                ["service"] = "Weekly mowing and edging",
                ["technician"] = "Jamie",
                ["notes"] = "Please leave the side gate unlocked.",
            },
        };
    }

    private static Dictionary<string, object?> Invoice(string number, DateTime issued, DateTime due, long total, long balance, string status, string description, string currency) =>
        new(StringComparer.Ordinal)
        {
            ["number"] = number,
            ["date"] = new DateTimeOffset(issued, TimeSpan.Zero),
            ["due_date"] = new DateTimeOffset(due, TimeSpan.Zero),
            ["description"] = description,
            ["total"] = total,
            ["balance"] = balance,
            ["currency"] = currency,
            ["status"] = status,
        };
}
