using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.ContactChanges;

namespace OrchardPortal.Customers.Pages.Admin.Customers;

/// <summary>
/// Pending contact-change requests, oldest first, each as a current → requested comparison with
/// Approve and Decline (a reason is required: the customer sees it).
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class ContactRequestsModel(ContactChangeService changes) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<PendingContactChange> Pending { get; private set; } = [];

    public int PendingCount { get; private set; }

    /// <summary>Problems with one request's decision, shown beside it.</summary>
    public Dictionary<long, List<string>> Problems { get; } = [];

    /// <summary>A decline reason typed before a refusal, so it isn't lost.</summary>
    public Dictionary<long, string> ReasonDrafts { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken)
    {
        var result = await changes.ApproveAsync(id, StaffName(), cancellationToken);
        return await DoneAsync(id, result, "Approved: the customer's details are updated.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        var result = await changes.DeclineAsync(id, StaffName(), reason, cancellationToken);
        ReasonDrafts[id] = reason ?? "";
        return await DoneAsync(id, result, "Declined: the customer's details are unchanged.", cancellationToken);
    }

    public static string Describe(string field) => field switch
    {
        "" or "Reason" => "",
        _ => System.Text.RegularExpressions.Regex.Replace(field, @"(\w+)\[(\d+)\]\.(\w+)", m =>
            $"{m.Groups[1].Value.TrimEnd('s')} {int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}, {m.Groups[3].Value}: "),
    };

    private string StaffName() => User.Identity?.Name ?? "";

    private async Task<IActionResult> DoneAsync(long id, ContactChangeResult result, string success, CancellationToken cancellationToken)
    {
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData.Flash(success + (result.EmailsQueued > 0 ? " We emailed them the decision." : " They have no email address on file, so no email was sent."));
            return RedirectToPage();
        }

        Problems[id] = [.. result.Errors.Select(e => Describe(e.Key) + e.Value)];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Pending = await changes.ListPendingAsync(PageSize, cancellationToken);
        PendingCount = await changes.CountPendingAsync(cancellationToken);
    }
}
