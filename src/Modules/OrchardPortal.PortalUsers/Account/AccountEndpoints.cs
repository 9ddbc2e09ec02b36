using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OrchardPortal.Core.Hosting;
using OrchardPortal.PortalUsers.Account.Activate;
using OrchardPortal.PortalUsers.Account.ResetPassword;
using OrchardPortal.PortalUsers.Account.SignIn;
using OrchardPortal.PortalUsers.Account.SignInLink;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Account;

/// <summary>
/// The customer's account pages on every tenant (the sign-in page itself is the Portal module's; its
/// form posts here). Each POST checks the page's antiforgery token itself, so a stale page gets a
/// themed message rather than a bare 400.
/// </summary>
public static class AccountEndpoints
{
    public static void MapPortalAccount(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithMetadata(new SiteScopeAttribute(Site.Tenant)).AllowAnonymous().DisableAntiforgery();

        group.MapPost(PortalAccountPaths.SignIn, (SignInHandler h, CancellationToken ct) => h.PostAsync(ct));
        group.MapPost(PortalAccountPaths.SignOut, (SignInHandler h, CancellationToken ct) => h.SignOutAsync(ct));

        group.MapGet("/activate/{token}", (ActivateHandler h, string token, CancellationToken ct) => h.GetAsync(token, ct));
        group.MapPost("/activate/{token}", (ActivateHandler h, string token, CancellationToken ct) => h.PostAsync(token, ct));
        group.MapPost("/activate/{token}/renew", (ActivateHandler h, string token, CancellationToken ct) => h.RenewAsync(token, ct));

        group.MapGet(PortalAccountPaths.ForgotPassword, (ForgotPasswordHandler h, CancellationToken ct) => h.GetForgotAsync(ct));
        group.MapPost(PortalAccountPaths.ForgotPassword, (ForgotPasswordHandler h, CancellationToken ct) => h.PostForgotAsync(ct));
        group.MapGet("/reset-password/{token}", (ResetPasswordHandler h, string token, CancellationToken ct) => h.GetAsync(token, ct));
        group.MapPost("/reset-password/{token}", (ResetPasswordHandler h, string token, CancellationToken ct) => h.PostAsync(token, ct));

        group.MapGet(PortalAccountPaths.RequestSignInLink, (ForgotPasswordHandler h, CancellationToken ct) => h.GetSignInLinkAsync(ct));
        group.MapPost(PortalAccountPaths.RequestSignInLink, (ForgotPasswordHandler h, CancellationToken ct) => h.PostSignInLinkAsync(ct));
        group.MapGet("/sign-in/link/{token}", (SignInLinkHandler h, string token, CancellationToken ct) => h.GetAsync(token, ct));
        group.MapPost("/sign-in/link/{token}", (SignInLinkHandler h, string token, CancellationToken ct) => h.PostAsync(token, ct));
    }
}
