using System.Collections;
using System.Globalization;
using System.Text;

namespace OrchardPortal.Payments.Gateways.Stripe;

/// <summary>
/// Encodes request parameters the way Stripe's API reads them: <c>application/x-www-form-urlencoded</c> with
/// brackets for nesting — <c>metadata[order]=42</c>, <c>payment_method_types[0]=card</c>,
/// <c>payment_method_options[card][request_three_d_secure]=any</c>. Parameters are kept in the given order
/// so the same request always encodes to the same bytes (the idempotency check compares them).
/// </summary>
public static class StripeFormEncoder
{
    /// <summary>
    /// Flattens <paramref name="parameters"/>: values may be strings, numbers, booleans (<c>true</c>/<c>false</c>),
    /// nested dictionaries (<c>IEnumerable&lt;KeyValuePair&lt;string, object?&gt;&gt;</c>) and lists. Null values are left out.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(IEnumerable<KeyValuePair<string, object?>> parameters)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in parameters)
        {
            Append(pairs, key, value);
        }

        return pairs;
    }

    /// <summary>The encoded body, e.g. <c>amount=2000&amp;metadata[order]=42</c> (brackets percent-encoded).</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, object?>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in Flatten(parameters))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static void Append(List<KeyValuePair<string, string>> pairs, string key, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                pairs.Add(new(key, text));
                return;
            case bool flag:
                pairs.Add(new(key, flag ? "true" : "false"));
                return;
            case IFormattable number when value is int or long or short or decimal:
                pairs.Add(new(key, number.ToString(null, CultureInfo.InvariantCulture)));
                return;
            case IEnumerable<KeyValuePair<string, object?>> nested:
                foreach (var (childKey, childValue) in nested)
                {
                    Append(pairs, $"{key}[{childKey}]", childValue);
                }

                return;
            case IEnumerable<KeyValuePair<string, string>> nestedText:
                foreach (var (childKey, childValue) in nestedText)
                {
                    Append(pairs, $"{key}[{childKey}]", childValue);
                }

                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    Append(pairs, $"{key}[{index.ToString(CultureInfo.InvariantCulture)}]", item);
                    index++;
                }

                return;
            default:
                throw new ArgumentException($"Stripe parameter '{key}' has an unsupported type {value.GetType().Name}.", nameof(value));
        }
    }
}
