using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Tenants.Operators;

namespace OrchardPortal.Tenants.Pages.HostSite.Operator.Setup;

/// <summary>
/// First run without a configured operator: the first visitor creates the operator account. Once any
/// operator exists the page answers 404, for good.
/// </summary>
[SiteScope(Site.Host)]
public sealed class SetupModel(OperatorAccountService accounts) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await accounts.AnyAsync(cancellationToken) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAsync(cancellationToken))
        {
            return NotFound();
        }

        Errors = OperatorAccountService.Validate(Email, Name, Password);
        if (Errors.Count > 0)
        {
            return Page();
        }

        if (!await accounts.TryCreateFirstAsync(Email!, Name ?? "", Password!, cancellationToken))
        {
            // Someone else finished setting up a moment earlier.
            return NotFound();
        }

        var account = await accounts.SignInAsync(Email, Password, cancellationToken);
        await HttpContext.SignInAsync(OperatorAuthentication.Scheme, OperatorAuthentication.CreatePrincipal(account!, HttpContext));
        return Redirect("/operator/tenants");
    }
}
