using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OrchardPortal.Emails.Smtp;

/// <summary>
/// Encrypts SMTP passwords with Data Protection under a purpose that names the tenant, so ciphertext
/// copied from one tenant's settings into another's cannot be decrypted there.
/// </summary>
public sealed class SmtpPasswordProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "OrchardPortal.Emails.SmtpPassword.v1";

    public string Protect(string tenant, string password) => For(tenant).Protect(password);

    /// <summary>The password, or null when the ciphertext is missing or unreadable (keys lost, another tenant's value).</summary>
    public string? Unprotect(string tenant, string? protectedPassword)
    {
        if (string.IsNullOrEmpty(protectedPassword))
        {
            return null;
        }

        try
        {
            return For(tenant).Unprotect(protectedPassword);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector For(string tenant) => provider.CreateProtector(Purpose, "tenant:" + tenant);
}
