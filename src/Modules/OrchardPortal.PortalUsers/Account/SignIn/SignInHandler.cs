using Microsoft.AspNetCore.Http;
using OrchardPortal.Portal.CustomerPages;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Account.SignIn;

/// <summary>Signing in with email or account number and password, and signing out.</summary>
public sealed class SignInHandler(AccountPages pages, PortalPages portalPages, PortalSignInService signIn, IHttpContextAccessor http)
{
    /// <summary>One message for every refusal (unknown login, wrong password, locked, disabled): it must not reveal which accounts exist.</summary>
    public const string FailedMessage =
        "We couldn’t sign you in with those details. Check your email or account number and password and try again, or use “Forgot your password?”.";

    public const string LoginsDisabledMessage = "Online accounts are switched off for now, so nobody can sign in.";

    public async Task<IResult> PostAsync(CancellationToken cancellationToken)
    {
        var form = await pages.ReadFormAsync(cancellationToken);
        if (form is null)
        {
            return await portalPages.SignInAsync(new SignInForm(null, Error: AccountPages.StaleFormMessage, StatusCode: StatusCodes.Status400BadRequest), null, cancellationToken);
        }

        var login = AccountPages.Value(form, "Login").Trim();
        var returnUrl = AccountPages.Value(form, "ReturnUrl", 2000);
        var keep = AccountPages.Checked(form, "KeepSignedIn");
        var result = await signIn.CheckPasswordAsync(login, AccountPages.Value(form, "Password", 1000), cancellationToken);
        switch (result.Outcome)
        {
            case PortalSignInOutcome.Succeeded:
                await signIn.SignInAsync(http.HttpContext!, result.User!, keep, cancellationToken);
                return Results.Redirect(PortalPages.IsLocal(returnUrl) ? returnUrl : PortalAccountPaths.Home);
            case PortalSignInOutcome.LoginsDisabled:
                return await portalPages.SignInAsync(new SignInForm(returnUrl, Error: LoginsDisabledMessage, StatusCode: StatusCodes.Status403Forbidden), null, cancellationToken);
            default:
                return await portalPages.SignInAsync(new SignInForm(returnUrl, login, keep, FailedMessage), null, cancellationToken);
        }
    }

    /// <summary>Sign-out is a POST with the page's token, so no other site can sign a customer out.</summary>
    public async Task<IResult> SignOutAsync(CancellationToken cancellationToken)
    {
        if (await pages.ReadFormAsync(cancellationToken) is not null)
        {
            await PortalSignInService.SignOutAsync(http.HttpContext!);
            // A redirect, not the sign-in page itself: this request still carries the old principal,
            // and a page rendered from it would show the person as signed in.
            return Results.Redirect(PortalEndpoints.SignedOutPath);
        }

        return Results.Redirect(PortalAccountPaths.Home);
    }
}
