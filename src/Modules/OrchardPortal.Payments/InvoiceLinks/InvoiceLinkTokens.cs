using System.Security.Cryptography;
using System.Text;

namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>Invoice link tokens: 256 random bits, URL-safe; stored only as a hash bound to the tenant.</summary>
public static class InvoiceLinkTokens
{
    /// <summary>32 bytes as unpadded base64url.</summary>
    public const int Length = 43;

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>False for anything that is not the shape we hand out, so junk is refused before any lookup.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The tenant's name is part of the hash, so a row copied to another tenant's table matches nothing there.</summary>
    public static string Hash(string tenantName, string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantName + ":" + token)));
}
