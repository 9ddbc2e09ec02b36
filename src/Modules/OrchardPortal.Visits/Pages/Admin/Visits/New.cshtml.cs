using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Pages.Admin.Visits;

/// <summary>
/// Scheduling a visit. Other pages prefill it through the query: <c>customer</c> (id), <c>day</c>,
/// <c>service</c> and <c>request</c> (the service request being scheduled).
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class VisitNewModel(CustomerService customers, VisitClock clock, VisitService visits) : VisitFormPage(customers, clock)
{
    public override string CancelUrl => VisitPaths.Admin;

    public async Task<IActionResult> OnGetAsync(long? customer, string? day, string? service, long? request, CancellationToken cancellationToken)
    {
        var date = VisitForm.ParseDay(day) ?? (await Clock.TodayAsync(cancellationToken)).AddDays(1);
        Input = new VisitForm
        {
            Date = date.ToString(VisitForm.DateFormat, CultureInfo.InvariantCulture),
            StartTime = "08:00",
            EndTime = "10:00",
            ServiceName = service?.Trim(),
            SourceServiceRequestId = request,
        };
        if (customer is { } id && await Customers.GetAsync(id, cancellationToken) is { } found)
        {
            Input.CustomerAccount = found.AccountNumber;
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (request, errors) = await Input.ToRequestAsync(Customers, Clock, cancellationToken);
        if (request is not null)
        {
            var result = await visits.ScheduleAsync(request, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash($"Visit scheduled: {request.ServiceName?.Trim()} on {Input.Date}.");
                return Redirect(VisitPaths.AdminDetails(result.VisitId!.Value));
            }

            errors = VisitForm.FieldErrors(result.Errors);
        }

        AddErrors(errors);
        await PrepareAsync(cancellationToken);
        return Page();
    }
}
