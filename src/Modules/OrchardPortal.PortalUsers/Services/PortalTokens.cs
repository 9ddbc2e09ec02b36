using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// Secrets carried in emailed links: 32 random bytes (256 bits) as base64url. Only their SHA-256 is
/// stored, so someone who reads the database still cannot use a link.
/// </summary>
public static class PortalTokens
{
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Rejects input that cannot be one of our tokens before it costs a database query.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
