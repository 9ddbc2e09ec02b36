using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Tenants.Operators;
using OrchardPortal.Tenants.TenantAdmin;

namespace OrchardPortal.Tenants.Pages.HostSite.Operator.Tenants;

/// <summary>The operator's tenant list: search, state filter, paging, and disable / enable per tenant.</summary>
[SiteScope(Site.Host)]
[Authorize(Policy = OperatorAuthentication.Policy)]
public sealed class TenantsModel(TenantQuery query, TenantAdministrationService admin, SiteUrls urls) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public TenantState? State { get; set; }

    // Not "page": Razor Pages uses that route value for the page path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public TenantPage Result { get; private set; } = new([], 1, TenantQuery.PageSize, 0);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await query.ListAsync(Search, State, PageNumber, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, admin.DisableAsync, "disabled", "Only a running portal can be disabled.", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(name, admin.EnableAsync, "enabled", "Only a disabled portal can be enabled.", cancellationToken);

    public string TenantUrl(TenantRecord tenant) => urls.Tenant(Request, tenant.Name);

    public string TenantHost(TenantRecord tenant) => new Uri(TenantUrl(tenant)).Authority;

    /// <summary>This list's URL with one query value changed, keeping the others.</summary>
    public string ListUrl(int? page = null)
    {
        var number = page ?? Result.Page;
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            query.Add("q", Search);
        }

        if (State is { } state)
        {
            query.Add("state", state.ToString());
        }

        if (number > 1)
        {
            query.Add("p", number.ToString(CultureInfo.InvariantCulture));
        }

        return "/operator/tenants" + query.ToQueryString();
    }

    private async Task<IActionResult> ChangeAsync(
        string name, Func<string, CancellationToken, Task<TenantChangeOutcome>> change, string done, string conflict, CancellationToken cancellationToken)
    {
        Message = await change(name, cancellationToken) switch
        {
            TenantChangeOutcome.Done => $"“{name}” is {done}.",
            TenantChangeOutcome.NotFound => $"There is no portal named “{name}”.",
            _ => conflict,
        };
        // Back to the same page of the same search (post–redirect–get, so a refresh doesn't repeat the action).
        return Redirect(ListUrl(PageNumber));
    }
}
