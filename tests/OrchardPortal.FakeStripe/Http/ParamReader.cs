using System.Globalization;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>Reads and validates parameters, failing with Stripe's messages and codes.</summary>
public static class ParamReader
{
    /// <summary>Stripe rejects parameters an endpoint does not know: catching typos in a client is the point of a fake.</summary>
    public static void AllowOnly(this FormParams form, params string[] allowed)
    {
        foreach (var key in form.TopLevelKeys)
        {
            if (key != "expand" && Array.IndexOf(allowed, key) < 0)
            {
                throw new StripeException(400, "invalid_request_error", "parameter_unknown",
                    $"Received unknown parameter: {key}", key, saved: false);
            }
        }
    }

    public static string RequireString(this FormParams form, string name) =>
        form.Get(name) is { Length: > 0 } value ? value : throw StripeException.Missing(name);

    public static long RequireLong(this FormParams form, string name) =>
        form.OptionalLong(name) ?? throw StripeException.Missing(name);

    public static long? OptionalLong(this FormParams form, string name)
    {
        var value = form.Get(name);
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new StripeException(400, "invalid_request_error", "parameter_invalid_integer", $"Invalid integer: {value}", name, saved: false);
    }

    public static bool OptionalBool(this FormParams form, string name)
    {
        var value = form.Get(name);
        return value switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw new StripeException(400, "invalid_request_error", "parameter_invalid_boolean", $"Invalid boolean: {value}", name, saved: false),
        };
    }

    public static string? OptionalEnum(this FormParams form, string name, params string[] allowed)
    {
        var value = form.Get(name);
        if (value is null || value.Length == 0 || Array.IndexOf(allowed, value) >= 0)
        {
            return value is { Length: > 0 } ? value : null;
        }

        throw new StripeException(400, "invalid_request_error", null,
            $"Invalid {name}: must be one of {string.Join(", ", allowed)}", name, saved: false);
    }

    /// <summary>A list's <c>limit</c>: 1 to 100, 10 when absent.</summary>
    public static int Limit(this FormParams form)
    {
        var limit = form.OptionalLong("limit") ?? 10;
        return limit is >= 1 and <= 100
            ? (int)limit
            : throw StripeException.Invalid("limit", "This value must be greater than or equal to 1 and less than or equal to 100.");
    }
}
