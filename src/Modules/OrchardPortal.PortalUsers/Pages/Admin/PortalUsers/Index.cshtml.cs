using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.PortalUsers.Models;
using OrchardPortal.PortalUsers.Services;

namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>
/// "Manage portal users": every customer with a portal account (or, switched, every customer without
/// one) with their users' emails, last sign-in and autopay; select some, a whole page or everything the
/// list shows, then send invitations or password-reset emails. Sending only queues mail (the outbox
/// delivers it in the background), so a bulk action on thousands returns quickly with a summary.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class ManagePortalUsersModel(
    PortalUserService users,
    PortalInvitationService invitations,
    PortalUsersSettingsService settings,
    BulkRequestGuard bulkRequests,
    CustomerService customers,
    IEmailDeliveryStatus delivery) : PageModel
{
    private readonly BulkSelection _selection = new(users, customers);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "without")]
    public bool WithoutAccount { get; set; }

    // "page" is taken by Razor Pages' own route value, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PortalUserPage Results { get; private set; } = new([], 0, 1, PortalUserQuery.DefaultPageSize);

    /// <summary>Addresses on this page whose latest mail the outbox gave up on.</summary>
    public IReadOnlyDictionary<string, FailedDelivery> Failed { get; private set; } = new Dictionary<string, FailedDelivery>();

    public int InvitationLifetimeDays { get; private set; } = 14;

    /// <summary>The bulk form's one-time key: the same form sent twice sends its emails once.</summary>
    public Guid BulkRequestKey { get; } = Guid.NewGuid();

    public string? LifetimeError { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The bulk form: <paramref name="send"/> is "invite" or "reset"; <paramref name="scope"/> "selected", "page" or "all".</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? send, string? scope, List<long>? ids, List<long>? pageIds, Guid? requestKey, CancellationToken cancellationToken)
    {
        if (send is not ("invite" or "reset"))
        {
            return await RefuseAsync("Choose what to send: a registration link or a password-reset email.", cancellationToken);
        }

        // Before reading the selection: once sent, "all without an account" is empty, and a resubmitted
        // form should hear that it was already sent, not that nothing is selected. A refused form comes
        // back with a new key, so burning this one costs nothing.
        if (requestKey is { } key && key != Guid.Empty && !await bulkRequests.TryClaimAsync(key, cancellationToken))
        {
            TempData.Flash("These emails were already sent when the form was first submitted, so nothing was sent again. Check the list for who has been invited.");
            return Redirect(ListLink(PageNumber));
        }

        IReadOnlyList<long> chosen = scope switch
        {
            "all" => await _selection.AllMatchingAsync(Query, WithoutAccount, cancellationToken),
            "page" => pageIds ?? [],
            _ => ids ?? [],
        };
        chosen = [.. chosen.Where(id => id > 0).Distinct()];
        if (chosen.Count == 0)
        {
            return await RefuseAsync("Select at least one customer first (tick the boxes in the list), or choose “every customer on this page”.", cancellationToken);
        }

        var result = send == "invite"
            ? await invitations.InviteManyAsync(chosen, cancellationToken)
            : await invitations.SendPasswordResetManyAsync(chosen, cancellationToken);
        TempData.Flash(await _selection.SummarizeAsync(result, send == "invite", cancellationToken));
        return Redirect(ListLink(PageNumber));
    }

    public async Task<IActionResult> OnPostSettingsAsync(string? invitationLifetimeDays, CancellationToken cancellationToken)
    {
        var days = int.TryParse(invitationLifetimeDays, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
        var errors = await settings.SaveAsync(new PortalUsersSettings { InvitationLifetimeDays = days }, cancellationToken);
        if (errors.Count > 0)
        {
            LifetimeError = errors.Values.First();
            await LoadAsync(cancellationToken);
            InvitationLifetimeDays = days > 0 ? days : InvitationLifetimeDays;
            return Page();
        }

        TempData.Flash($"Saved: new registration links work for {days} day{(days == 1 ? "" : "s")}. Links already sent keep their own expiry.");
        return Redirect(ListLink(PageNumber));
    }

    /// <summary>The list's address with its search and switch, at <paramref name="page"/>.</summary>
    public string ListLink(int page, bool? without = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
            ["without"] = (without ?? WithoutAccount) ? "true" : null,
            ["p"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString(PortalUserPaths.Manage, values.Where(v => v.Value is not null)!);
    }

    /// <summary>The failing-delivery record for <paramref name="email"/>, if its latest mail was given up on.</summary>
    public FailedDelivery? FailedFor(string? email) => email is not null && Failed.TryGetValue(email, out var failed) ? failed : null;

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Results = await users.SearchAsync(new PortalUserQuery { Text = Query, WithoutAccount = WithoutAccount, Page = PageNumber }, cancellationToken);
        var addresses = Results.Items.SelectMany(r => r.Users.Select(u => u.Email).Append(r.CustomerEmail)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Failed = addresses.Count == 0 ? Failed : await delivery.FailedAddressesAsync(addresses, cancellationToken);
        InvitationLifetimeDays = (await settings.GetAsync(cancellationToken)).InvitationLifetimeDays;
    }
}
