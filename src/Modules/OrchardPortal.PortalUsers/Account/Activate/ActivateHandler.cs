using Microsoft.AspNetCore.Http;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Account.Activate;

/// <summary>
/// "Activate account" from an invitation: choose a password, land signed in on Home. An expired
/// invitation offers "Email me a new link", which sends a fresh invitation to the address the old one
/// went to (never shown on the page, so the link reveals no address).
/// </summary>
public sealed class ActivateHandler(AccountPages pages, PortalAccountService accounts, PortalSignInService signIn, IHttpContextAccessor http)
{
    public async Task<IResult> GetAsync(string token, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckLinkAsync(token, PortalTokenPurpose.Invitation, cancellationToken);
        return check.State == PortalLinkState.Valid
            ? await FormAsync(token, check.User!, null, StatusCodes.Status200OK, cancellationToken)
            : await ProblemAsync(token, check.State, cancellationToken);
    }

    public async Task<IResult> PostAsync(string token, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckLinkAsync(token, PortalTokenPurpose.Invitation, cancellationToken);
        if (check.State != PortalLinkState.Valid)
        {
            return await ProblemAsync(token, check.State, cancellationToken);
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

        var result = await accounts.ActivateAsync(token, password, cancellationToken);
        if (result.PasswordError is not null)
        {
            return await FormAsync(token, check.User!, result.PasswordError, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!result.Succeeded)
        {
            return await ProblemAsync(token, result.Link, cancellationToken);
        }

        if (!await signIn.MayUsePortalAsync(result.User!.CustomerId, cancellationToken))
        {
            return Results.Redirect(PortalAccountPaths.SignIn);
        }

        await signIn.SignInAsync(http.HttpContext!, result.User, keepSignedIn: false, cancellationToken);
        return Results.Redirect(PortalAccountPaths.Home);
    }

    /// <summary>"Email me a new link" on an expired invitation.</summary>
    public async Task<IResult> RenewAsync(string token, CancellationToken cancellationToken)
    {
        if (await pages.ReadFormAsync(cancellationToken) is null)
        {
            return await ProblemAsync(token, PortalLinkState.Expired, cancellationToken, AccountPages.StaleFormMessage);
        }

        var renewed = await accounts.RenewInvitationAsync(token, cancellationToken);
        var form = new Dictionary<string, object?>
        {
            ["renewed"] = renewed,
            ["sign_in_url"] = PortalAccountPaths.SignIn,
        };
        return await pages.RenderAsync("InvitationRenewed", renewed ? "Check your email" : "We couldn’t send a new link", form, cancellationToken);
    }

    private Task<IResult> FormAsync(string token, PortalUser user, string? error, int statusCode, CancellationToken cancellationToken)
    {
        var form = AccountPages.WithPasswordRule(new Dictionary<string, object?>
        {
            ["mode"] = "activate",
            ["action"] = PortalAccountPaths.Activate(token),
            ["email"] = user.Email,
            ["name"] = user.Name,
            ["error"] = error,
        }, user.Email, user.Name);
        return pages.RenderAsync("SetPassword", "Activate your account", form, cancellationToken, statusCode);
    }

    private Task<IResult> ProblemAsync(string token, PortalLinkState state, CancellationToken cancellationToken, string? error = null)
    {
        var form = AccountPages.LinkProblem(state, "invitation");
        form["renew_url"] = state == PortalLinkState.Expired ? PortalAccountPaths.Activate(token) + "/renew" : null;
        form["error"] = error;
        return pages.RenderAsync("LinkProblem", AccountPages.LinkProblemTitle(state), form, cancellationToken, AccountPages.LinkProblemStatus(state));
    }
}
