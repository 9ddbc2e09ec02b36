using System.Text;
using Microsoft.AspNetCore.Http;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>
/// The secret key from <c>Authorization: Bearer sk_test_…</c> (or HTTP Basic with the key as the
/// user name, as curl -u sends it). The fake is test mode only: live keys are refused.
/// </summary>
public static class ApiAuthentication
{
    public static string Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw new StripeException(401, "invalid_request_error", null,
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth " +
                "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, " +
                "or we can help at https://support.stripe.com/.", saved: false);
        }

        var key = KeyFrom(header);
        if (key is null || !key.StartsWith("sk_test_", StringComparison.Ordinal) || key.Length < 12 ||
            !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            var shown = key is { Length: > 4 } ? key[..Math.Min(8, key.Length - 4)] + "****" + key[^4..] : "****";
            throw new StripeException(401, "invalid_request_error", "api_key_invalid", $"Invalid API Key provided: {shown}", saved: false);
        }

        return key;
    }

    private static string? KeyFrom(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? decoded : decoded[..colon];
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
