using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Dashboard;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Admin.Pages.Admin;

/// <summary>The admin's landing page: a welcome, the getting-started checklist, the portal's address.</summary>
[SiteScope(Site.Tenant)]
public sealed class DashboardModel(SiteIdentityService site, IEnumerable<GettingStartedStep> steps, IEnumerable<IGettingStartedProgress> progress)
    : PageModel
{
    public string FirstName { get; private set; } = "";

    public string CompanyName { get; private set; } = "";

    public string PortalUrl { get; private set; } = "";

    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var name = User.Identity?.Name ?? "";
        FirstName = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
        CompanyName = await site.GetCompanyNameAsync(cancellationToken);
        PortalUrl = $"{Request.Scheme}://{Request.Host}/";

        var reporters = progress.ToDictionary(p => p.StepId, StringComparer.Ordinal);
        var items = new List<ChecklistItem>();
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            var status = reporters.TryGetValue(step.Id, out var reporter) ? await reporter.GetStatusAsync(cancellationToken) : null;
            items.Add(new ChecklistItem(step, status?.Done ?? false, status?.Path));
        }

        Checklist = items;
    }

    public sealed record ChecklistItem(GettingStartedStep Step, bool Done, string? Path);
}
