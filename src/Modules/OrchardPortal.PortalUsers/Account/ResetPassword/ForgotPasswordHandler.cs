using Microsoft.AspNetCore.Http;
using OrchardPortal.Core.Security;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Account.ResetPassword;

/// <summary>
/// "Forgot your password?" and "Email me a sign-in link": the visitor types an email and always gets
/// the same answer, whether or not it has an account, so the pages reveal nothing.
/// </summary>
public sealed class ForgotPasswordHandler(AccountPages pages, PortalAccountService accounts)
{
    public Task<IResult> GetForgotAsync(CancellationToken cancellationToken) => FormAsync("reset", null, null, false, StatusCodes.Status200OK, cancellationToken);

    public Task<IResult> GetSignInLinkAsync(CancellationToken cancellationToken) => FormAsync("sign_in_link", null, null, false, StatusCodes.Status200OK, cancellationToken);

    public Task<IResult> PostForgotAsync(CancellationToken cancellationToken) =>
        PostAsync("reset", accounts.RequestPasswordResetAsync, cancellationToken);

    public Task<IResult> PostSignInLinkAsync(CancellationToken cancellationToken) =>
        PostAsync("sign_in_link", accounts.RequestSignInLinkAsync, cancellationToken);

    private async Task<IResult> PostAsync(string kind, Func<string, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var form = await pages.ReadFormAsync(cancellationToken);
        if (form is null)
        {
            return await FormAsync(kind, null, AccountPages.StaleFormMessage, false, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var typed = AccountPages.Value(form, "Email").Trim();
        var email = EmailAddress.Normalize(typed);
        if (email is null)
        {
            var error = typed.Length == 0 ? "Enter the email address you sign in with." : $"“{typed}” isn’t an email address. Check it and try again.";
            return await FormAsync(kind, typed, error, false, StatusCodes.Status400BadRequest, cancellationToken);
        }

        await send(email, cancellationToken);
        return await FormAsync(kind, email, null, true, StatusCodes.Status200OK, cancellationToken);
    }

    private Task<IResult> FormAsync(string kind, string? email, string? error, bool sent, int statusCode, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["action"] = kind == "reset" ? PortalAccountPaths.ForgotPassword : PortalAccountPaths.RequestSignInLink,
            ["email"] = email ?? "",
            ["error"] = error,
            ["sent"] = sent,
            ["expires_minutes"] = (int)(kind == "reset" ? PortalTokenStore.PasswordResetLifetime : PortalTokenStore.SignInLinkLifetime).TotalMinutes,
            ["sign_in_url"] = PortalAccountPaths.SignIn,
        };
        return pages.RenderAsync("RequestLink", kind == "reset" ? "Reset your password" : "Email me a sign-in link", form, cancellationToken, statusCode);
    }
}
