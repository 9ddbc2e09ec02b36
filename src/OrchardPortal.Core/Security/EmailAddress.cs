using System.Net.Mail;

namespace OrchardPortal.Core.Security;

/// <summary>The one check for "is this a usable email address", used by every form.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed, lower-cased address, or null when it isn't one.</summary>
    public static string? Normalize(string? value)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length is 0 or > MaxLength || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }
}
