using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Tenants.Operators;

namespace OrchardPortal.Tenants.Pages.HostSite.Operator.Login;

/// <summary>Operator sign-in. Every failure (unknown email, wrong password, locked account) gets the same message.</summary>
[SiteScope(Site.Host)]
public sealed class LoginModel(OperatorAccountService accounts) : PageModel
{
    public const string FailureMessage = "That email and password don’t match an operator account, or the account is locked for a while after too many attempts.";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool SetupOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        SetupOpen = !await accounts.AnyAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = await accounts.SignInAsync(Email, Password, cancellationToken);
        if (account is null)
        {
            Error = FailureMessage;
            return Page();
        }

        await HttpContext.SignInAsync(OperatorAuthentication.Scheme, OperatorAuthentication.CreatePrincipal(account, HttpContext));
        // Only paths inside the operator area: a crafted ReturnUrl must not bounce a fresh sign-in elsewhere.
        var target = ReturnUrl is { } url && url.StartsWith("/operator/", StringComparison.Ordinal) && Url.IsLocalUrl(url) ? url : "/operator/tenants";
        return Redirect(target);
    }
}
