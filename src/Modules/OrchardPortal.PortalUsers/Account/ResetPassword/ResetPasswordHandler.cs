using Microsoft.AspNetCore.Http;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Account.ResetPassword;

/// <summary>
/// "Choose a new password" from a reset link. The new password signs out every other session of the
/// account (its security stamp changes) and signs this browser in.
/// </summary>
public sealed class ResetPasswordHandler(AccountPages pages, PortalAccountService accounts, PortalSignInService signIn, IHttpContextAccessor http)
{
    public async Task<IResult> GetAsync(string token, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckLinkAsync(token, PortalTokenPurpose.PasswordReset, cancellationToken);
        return check.State == PortalLinkState.Valid
            ? await FormAsync(token, check.User!, null, StatusCodes.Status200OK, cancellationToken)
            : await ProblemAsync(check.State, cancellationToken);
    }

    public async Task<IResult> PostAsync(string token, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckLinkAsync(token, PortalTokenPurpose.PasswordReset, cancellationToken);
        if (check.State != PortalLinkState.Valid)
        {
            return await ProblemAsync(check.State, cancellationToken);
        }

        var form = await pages.ReadFormAsync(cancellationToken);
        if (form is null)
        {
            return await FormAsync(token, check.User!, AccountPages.StaleFormMessage, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var password = AccountPages.Value(form, "Password", 1000);
        if (password != AccountPages.Value(form, "ConfirmPassword", 1000))
        {
            return await FormAsync(token, check.User!, "The two passwords don’t match. Type the same password in both boxes.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var result = await accounts.ResetPasswordAsync(token, password, cancellationToken);
        if (result.PasswordError is not null)
        {
            return await FormAsync(token, check.User!, result.PasswordError, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!result.Succeeded)
        {
            return await ProblemAsync(result.Link, cancellationToken);
        }

        if (!await signIn.MayUsePortalAsync(result.User!.CustomerId, cancellationToken))
        {
            return Results.Redirect(PortalAccountPaths.SignIn);
        }

        await signIn.SignInAsync(http.HttpContext!, result.User, keepSignedIn: false, cancellationToken);
        return Results.Redirect(PortalAccountPaths.Home);
    }

    private Task<IResult> FormAsync(string token, PortalUser user, string? error, int statusCode, CancellationToken cancellationToken)
    {
        var form = AccountPages.WithPasswordRule(new Dictionary<string, object?>
        {
            ["mode"] = "reset",
            ["action"] = PortalAccountPaths.ResetPassword(token),
            ["email"] = user.Email,
            ["name"] = user.Name,
            ["error"] = error,
        }, user.Email, user.Name);
        return pages.RenderAsync("SetPassword", "Choose a new password", form, cancellationToken, statusCode);
    }

    private Task<IResult> ProblemAsync(PortalLinkState state, CancellationToken cancellationToken) =>
        pages.RenderAsync("LinkProblem", AccountPages.LinkProblemTitle(state), AccountPages.LinkProblem(state, "reset"), cancellationToken, AccountPages.LinkProblemStatus(state));
}
