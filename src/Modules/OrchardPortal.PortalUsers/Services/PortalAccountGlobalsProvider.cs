using Microsoft.AspNetCore.Antiforgery;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>
/// Adds to the <c>portal</c> globals what the header needs for a signed-in portal user: <c>portal.user</c>
/// (<c>name</c>, <c>email</c>) and <c>portal.sign_out</c> (<c>url</c> and the antiforgery field for the
/// sign-out form). Both are nil for visitors, previews and emails.
/// </summary>
public sealed class PortalAccountGlobalsProvider(ICurrentPortalCustomer current, IAntiforgery antiforgery) : IThemeGlobalsProvider
{
    public async Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken)
    {
        var customer = context.Kind == ThemeRenderKind.Page && !context.IsPreview && context.HttpContext is not null
            ? await current.GetAsync(cancellationToken)
            : null;
        var portal = context.Section("portal");
        if (customer?.UserId is null)
        {
            portal["user"] = null;
            portal["sign_out"] = null;
            return;
        }

        var tokens = antiforgery.GetAndStoreTokens(context.HttpContext!);
        portal["user"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = customer.UserName, ["email"] = customer.UserEmail };
        portal["sign_out"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["url"] = PortalAccountPaths.SignOut,
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
        };
    }
}
