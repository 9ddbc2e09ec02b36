using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// The signed-in portal visitor, from the "Portal" cookie. The cookie is checked (tenant, account,
/// stamp, customer) once per request, the first time anyone asks; later calls reuse the answer.
/// </summary>
public sealed class CookiePortalCustomer(IHttpContextAccessor http) : ICurrentPortalCustomer
{
    private Task<PortalCustomer?>? _current;

    public Task<PortalCustomer?> GetAsync(CancellationToken cancellationToken) => _current ??= ReadAsync();

    private async Task<PortalCustomer?> ReadAsync()
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return null;
        }

        var result = await context.AuthenticateAsync(PortalAuth.Scheme);
        return result.Succeeded ? context.Items[PortalPrincipalValidator.ItemKey] as PortalCustomer : null;
    }
}
