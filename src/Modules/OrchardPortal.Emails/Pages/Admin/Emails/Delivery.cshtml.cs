using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Emails.Pages.Admin.Emails;

/// <summary>Emails the outbox gave up on (a permanent rejection, or every retry failed), with "Retry".</summary>
[SiteScope(Site.Tenant)]
public sealed class DeliveryModel(IEmailDeliveryStatus status) : PageModel
{
    public const int MaxListed = 200;

    public IReadOnlyList<FailedDelivery> Failed { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Failed = await status.ListFailedAsync(MaxListed, cancellationToken);
        Total = await status.CountFailedAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        TempData.Flash(await status.RetryAsync(id, cancellationToken)
            ? "Queued again. It will be sent in a moment; if it fails again it comes back to this list."
            : "That email is no longer waiting for a retry.");
        return RedirectToPage();
    }
}
