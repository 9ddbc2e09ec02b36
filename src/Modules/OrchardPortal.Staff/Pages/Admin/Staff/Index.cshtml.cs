using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Staff.Models;
using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Pages.Admin.Staff;

/// <summary>The owner's staff list: who has access, pending invitations, and disable / enable / remove.</summary>
[SiteScope(Site.Tenant)]
[Authorize(Policy = StaffAuth.OwnerPolicy)]
public sealed class StaffListModel(StaffAccountService accounts, StaffInvitationService invitations, TimeProvider clock) : PageModel
{
    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    public Guid CurrentUserId => StaffAuth.UserId(User) ?? Guid.Empty;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await accounts.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(id, cancellationToken);
        var error = await invitations.ResendAsync(id, User.Identity?.Name ?? "", LinkBase(), cancellationToken);
        return await DoneAsync(error, $"A new invitation is on its way to {user?.Email}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        await DoneAsync(await accounts.DisableAsync(CurrentUserId, id, cancellationToken), "Disabled: they can no longer sign in.", cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        await DoneAsync(await accounts.EnableAsync(CurrentUserId, id, cancellationToken), "Enabled: they can sign in again.", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(id, cancellationToken);
        var error = await accounts.RemoveAsync(CurrentUserId, id, cancellationToken);
        return await DoneAsync(error, $"{user?.Name} has been removed from your staff.", cancellationToken);
    }

    private string LinkBase() => $"{Request.Scheme}://{Request.Host}";

    // Success: post-redirect-get with a notice. Refusal: the list again, with the reason, and nothing changed.
    private async Task<IActionResult> DoneAsync(string? error, string success, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            TempData.Flash(success);
            return RedirectToPage();
        }

        ModelState.AddModelError("", error);
        Users = await accounts.ListAsync(cancellationToken);
        return Page();
    }
}
