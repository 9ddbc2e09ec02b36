using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Security;

/// <summary>
/// Protects authentication cookies with a key purpose that includes the tenant's name, so a cookie
/// issued by tenant A cannot even be decrypted on tenant B (or on the host site), whoever copies it there.
/// </summary>
public sealed class TenantTicketDataFormat(IDataProtectionProvider provider, IHttpContextAccessor accessor, string scheme)
    : ISecureDataFormat<AuthenticationTicket>
{
    public string Protect(AuthenticationTicket data) => Protect(data, purpose: null);

    public string Protect(AuthenticationTicket data, string? purpose) =>
        Protector(purpose).Protect(TicketSerializer.Default.Serialize(data)).ToBase64Url();

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return null;
        }

        try
        {
            var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(protectedText);
            return TicketSerializer.Default.Deserialize(Protector(purpose).Unprotect(bytes));
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException)
        {
            // Tampered, expired key, or minted for another tenant: the same as no cookie.
            return null;
        }
    }

    private IDataProtector Protector(string? purpose)
    {
        var tenant = accessor.HttpContext?.RequestServices.GetService(typeof(TenantScope)) is TenantScope { Tenant: { } t } ? t.Name : "(host)";
        return provider.CreateProtector("OrchardPortal.Auth", scheme, tenant, purpose ?? "");
    }
}

internal static class Base64UrlExtensions
{
    public static string ToBase64Url(this byte[] bytes) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);
}
