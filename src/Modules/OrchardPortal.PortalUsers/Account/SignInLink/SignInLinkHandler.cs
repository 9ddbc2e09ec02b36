using Microsoft.AspNetCore.Http;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Account.SignInLink;

/// <summary>
/// Opening a one-time sign-in link shows a "Sign in" button; only pressing it (a POST) spends the link,
/// so mail scanners that fetch links before the person clicks cannot use it up.
/// </summary>
public sealed class SignInLinkHandler(AccountPages pages, PortalAccountService accounts, PortalSignInService signIn, IHttpContextAccessor http)
{
    public async Task<IResult> GetAsync(string token, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckLinkAsync(token, PortalTokenPurpose.SignInLink, cancellationToken);
        return check.State == PortalLinkState.Valid
            ? await ConfirmAsync(token, check.User!, null, StatusCodes.Status200OK, cancellationToken)
            : await ProblemAsync(check.State, cancellationToken);
    }

    public async Task<IResult> PostAsync(string token, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckLinkAsync(token, PortalTokenPurpose.SignInLink, cancellationToken);
        if (check.State != PortalLinkState.Valid)
        {
            return await ProblemAsync(check.State, cancellationToken);
        }

        var form = await pages.ReadFormAsync(cancellationToken);
        if (form is null)
        {
            return await ConfirmAsync(token, check.User!, AccountPages.StaleFormMessage, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var used = await accounts.UseSignInLinkAsync(token, cancellationToken);
        if (used.State != PortalLinkState.Valid)
        {
            return await ProblemAsync(used.State, cancellationToken);
        }

        await signIn.SignInAsync(http.HttpContext!, used.User!, AccountPages.Checked(form, "KeepSignedIn"), cancellationToken);
        return Results.Redirect(PortalAccountPaths.Home);
    }

    private Task<IResult> ConfirmAsync(string token, PortalUser user, string? error, int statusCode, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, object?>
        {
            ["action"] = PortalAccountPaths.SignInLink(token),
            ["name"] = user.Name,
            ["error"] = error,
        };
        return pages.RenderAsync("SignInLink", "Sign in", form, cancellationToken, statusCode);
    }

    private Task<IResult> ProblemAsync(PortalLinkState state, CancellationToken cancellationToken) =>
        pages.RenderAsync("LinkProblem", AccountPages.LinkProblemTitle(state), AccountPages.LinkProblem(state, "sign_in_link"), cancellationToken, AccountPages.LinkProblemStatus(state));
}
