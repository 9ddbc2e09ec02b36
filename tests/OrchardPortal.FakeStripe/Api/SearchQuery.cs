using System.Text.RegularExpressions;
using OrchardPortal.FakeStripe.Http;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Api;

/// <summary>
/// The part of Stripe's search query language a reconciliation job needs:
/// <c>metadata['invoice']:'INV-1' AND status:'succeeded'</c>, with fields <c>status</c>,
/// <c>customer</c>, <c>currency</c>, <c>amount</c> and <c>metadata['key']</c>, exact matches joined by AND.
/// </summary>
public static partial class SearchQuery
{
    public static Func<PaymentIntentRecord, bool> PaymentIntents(string query)
    {
        var clauses = AndSeparator().Split(query.Trim())
            .Select(clause => Clause().Match(clause.Trim()))
            .Select(match => match.Success ? match : throw Invalid(query))
            .Select(match => (Field: match.Groups["field"].Value, Key: match.Groups["key"].Value, Value: match.Groups["value"].Value))
            .ToList();
        return intent => clauses.All(c => c.Field switch
        {
            "metadata" => intent.Metadata.TryGetValue(c.Key, out var value) && value == c.Value,
            "status" => intent.Status == c.Value,
            "customer" => intent.CustomerId == c.Value,
            "currency" => intent.Currency == c.Value,
            "amount" => intent.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) == c.Value,
            _ => throw Invalid(query),
        });
    }

    private static StripeException Invalid(string query) =>
        StripeException.Invalid("query", $"The search query '{query}' is not supported by the fake (fields: status, customer, currency, amount, metadata['key']; ':' only; AND only).");

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^(?<field>[a-z_]+)(\[['""](?<key>[^'""]+)['""]\])?:['""]?(?<value>[^'""]*)['""]?$")]
    private static partial Regex Clause();
}
