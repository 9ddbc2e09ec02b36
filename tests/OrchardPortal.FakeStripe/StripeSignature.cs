using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrchardPortal.FakeStripe;

/// <summary>
/// Stripe's webhook signature: <c>Stripe-Signature: t={unix},v1={hex HMAC-SHA256 of "{t}.{payload}" keyed with the whsec_ secret}</c>.
/// Public so tests can craft tampered, stale or wrongly keyed deliveries.
/// </summary>
public static class StripeSignature
{
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> payload)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The full header value for a payload signed at <paramref name="timestamp"/>.</summary>
    public static string Header(string secret, long timestamp, ReadOnlySpan<byte> payload) =>
        string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Compute(secret, timestamp, payload)}");

    public static string Header(string secret, DateTimeOffset at, string payload) =>
        Header(secret, at.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(payload));
}
