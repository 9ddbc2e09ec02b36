using System.Security.Cryptography;

namespace OrchardPortal.FakeStripe.State;

/// <summary>Object ids shaped like Stripe's: a type prefix and 24 random base-62 characters.</summary>
public static class StripeIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix) => string.Create(prefix.Length + 1 + 24, prefix, static (span, p) =>
    {
        p.AsSpan().CopyTo(span);
        span[p.Length] = '_';
        // Ids only need to be unique, not secret: the shared PRNG is much cheaper than the CSPRNG
        // on the hot path (several ids per charge).
        Random.Shared.GetItems(Alphabet, span[(p.Length + 1)..]);
    });

    /// <summary>A webhook signing secret: <c>whsec_</c> and 32 random characters.</summary>
    public static string WebhookSecret() => "whsec_" + RandomNumberGenerator.GetString(Alphabet, 32);
}
