using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>Changing a visit's customer, property, service, window or notes (its status is changed on its own page).</summary>
[SiteScope(Site.Tenant)]
public sealed class VisitEditModel(CustomerService customers, VisitClock clock, VisitService visits) : VisitFormPage(customers, clock)
{
    public long Id { get; private set; }

    public override string CancelUrl => VisitPaths.AdminDetails(Id);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        if (await visits.GetAsync(id, cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        var account = (await Customers.GetAsync(visit.CustomerId, cancellationToken))?.AccountNumber ?? "";
        Input = await VisitForm.FromAsync(visit, account, Clock, cancellationToken);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        if (await visits.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var (request, errors) = await Input.ToRequestAsync(Customers, Clock, cancellationToken);
        if (request is not null)
        {
            var result = await visits.UpdateAsync(id, request, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash("Visit saved.");
                return Redirect(VisitPaths.AdminDetails(id));
            }

            errors = VisitForm.FieldErrors(result.Errors);
        }

        AddErrors(errors);
        await PrepareAsync(cancellationToken);
        return Page();
    }
}
