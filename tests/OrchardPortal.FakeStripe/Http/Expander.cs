using System.Text.Json.Nodes;
using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>
/// Stripe's <c>expand[]</c>: replaces an id field with the object it names
/// (<c>latest_charge</c>, <c>payment_method</c>, <c>customer</c>, <c>data.latest_charge</c> on lists).
/// </summary>
public static class Expander
{
    public static void Apply(Account account, JsonNode? node, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            Expand(account, node, path.Split('.'), 0, path);
        }
    }

    private static void Expand(Account account, JsonNode? node, string[] path, int index, string fullPath)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Expand(account, item, path, index, fullPath);
            }

            return;
        }

        if (node is not JsonObject json || !json.TryGetPropertyValue(path[index], out var value))
        {
            throw StripeException.Invalid("expand", $"This property cannot be expanded ({fullPath}).");
        }

        if (index < path.Length - 1)
        {
            Expand(account, value, path, index + 1, fullPath);
            return;
        }

        if (value is JsonValue id && id.TryGetValue<string>(out var text))
        {
            json[path[index]] = Lookup(account, text) ?? throw StripeException.Invalid("expand", $"This property cannot be expanded ({fullPath}).");
        }
    }

    private static JsonObject? Lookup(Account account, string id)
    {
        var prefix = id[..Math.Max(0, id.IndexOf('_', StringComparison.Ordinal))];
        return prefix switch
        {
            "ch" when account.Charges.TryGet(id, out var charge) => charge.ToJson(),
            "pm" when account.PaymentMethods.TryGet(id, out var method) => method.ToJson(),
            "cus" when account.Customers.TryGet(id, out var customer) => customer.ToJson(),
            "pi" when account.PaymentIntents.TryGet(id, out var intent) => intent.ToJson(),
            "seti" when account.SetupIntents.TryGet(id, out var setup) => setup.ToJson(),
            "re" when account.Refunds.TryGet(id, out var refund) => refund.ToJson(),
            _ => null,
        };
    }
}
