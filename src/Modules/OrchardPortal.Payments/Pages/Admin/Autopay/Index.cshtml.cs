using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Payments.Autopay.Enrollment;
using OrchardPortal.Payments.Autopay.History;
using OrchardPortal.Payments.Autopay.Models;

namespace OrchardPortal.Payments.Pages.Admin.Autopay;

/// <summary>
/// Staff's autopay page: charges that failed (retrying or stopped) until dismissed, the latest runs, and
/// turning a customer's autopay off (from the customer's page).
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class AutopayAdminModel(AutopayHistory history, AutopayEnrollmentService enrollment, BillingContext billing, TimeProvider clock) : PageModel
{
    public const int MaxListed = 100;

    public IReadOnlyList<AutopayCharge> NeedingAttention { get; private set; } = [];

    public IReadOnlyList<AutopayCharge> Latest { get; private set; } = [];

    public bool Offered { get; private set; }

    public Func<long, string> Money { get; private set; } = m => m.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NeedingAttention = await history.NeedingAttentionAsync(MaxListed, cancellationToken);
        Latest = await history.LatestRunsAsync(MaxListed, cancellationToken);
        Offered = await enrollment.IsOfferedAsync(cancellationToken);
        Money = await billing.FormatterAsync(cancellationToken);
        Zone = (await billing.ProfileAsync(cancellationToken)).TimeZone;
    }

    public async Task<IActionResult> OnPostDismissAsync(string id, CancellationToken cancellationToken)
    {
        TempData.Flash(await history.AcknowledgeAsync(id ?? "", clock.GetUtcNow(), cancellationToken)
            ? "Dismissed. The customer's invoice is still open until it is paid."
            : "That charge no longer needs attention.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(long customerId, CancellationToken cancellationToken)
    {
        var staff = User.FindFirst(ClaimTypes.Email)?.Value ?? User.Identity?.Name ?? "staff";
        TempData.Flash(await enrollment.DisableAsync(customerId, "staff: " + staff, cancellationToken)
            ? "Autopay is off for this customer. Their consent stays on record."
            : "Autopay was already off for this customer.");
        return Redirect($"/admin/customers/{customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
