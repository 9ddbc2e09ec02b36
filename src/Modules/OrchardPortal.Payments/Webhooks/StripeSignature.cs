using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrchardPortal.Payments.Webhooks;

/// <summary>
/// Checks Stripe's <c>Stripe-Signature</c> header (<c>t=1700000000,v1=hex,v1=hex,v0=…</c>): an HMAC-SHA256 with
/// the endpoint's signing secret over <c>"{t}.{raw body}"</c>. Any one matching <c>v1</c> value is enough
/// (Stripe sends two while a secret is being rolled); the timestamp must be within the tolerance of now, so a
/// captured request cannot be replayed later. Comparison is constant-time.
/// </summary>
public static class StripeSignature
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    /// <summary>Why a signature was refused, or <see cref="Valid"/>.</summary>
    public enum Outcome
    {
        Valid,
        MissingHeader,
        Malformed,
        TimestampOutOfTolerance,
        NoMatchingSignature,
    }

    public static Outcome Verify(string? header, string body, string secret, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(header, Encoding.UTF8.GetBytes(body), secret, now, tolerance);

    /// <summary>Verifies against the raw bytes received (never a re-serialised body).</summary>
    public static Outcome Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Outcome.MissingHeader;
        }

        long? timestamp = null;
        var candidates = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals];
            var value = part[(equals + 1)..];
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && TryHex(value, out var signature))
            {
                candidates.Add(signature);
            }
        }

        if (timestamp is null || candidates.Count == 0)
        {
            return Outcome.Malformed;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        if (age.Duration() > (tolerance ?? DefaultTolerance))
        {
            return Outcome.TimestampOutOfTolerance;
        }

        var expected = Compute(timestamp.Value, body, secret);
        var matched = false;
        foreach (var candidate in candidates)
        {
            // Check every candidate (no early exit), each in constant time.
            matched |= CryptographicOperations.FixedTimeEquals(expected, candidate);
        }

        return matched ? Outcome.Valid : Outcome.NoMatchingSignature;
    }

    /// <summary>The header Stripe would send for <paramref name="body"/> at <paramref name="timestamp"/> (tests and the Sandbox use it).</summary>
    public static string Sign(string body, string secret, DateTimeOffset timestamp)
    {
        var t = timestamp.ToUnixTimeSeconds();
        return $"t={t.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(t, Encoding.UTF8.GetBytes(body), secret))}";
    }

    private static byte[] Compute(long timestamp, ReadOnlySpan<byte> body, string secret)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);
    }

    private static bool TryHex(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
