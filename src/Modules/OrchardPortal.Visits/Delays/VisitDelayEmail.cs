using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Customers.Models;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.Delays;

/// <summary>
/// The "your visit is delayed" email, rendered from the tenant's <c>visit-delayed</c> template: staff's
/// message and every visit of this customer that the delay touched, with a link to the Schedule tab.
/// </summary>
public sealed class VisitDelayEmail(IEmailTemplateService templates, VisitClock clock, VisitLinks links)
{
    public async Task<OutboundEmail> RenderAsync(string to, Customer customer, string message, IReadOnlyList<Visit> visits, CancellationToken cancellationToken)
    {
        var name = customer.DisplayName.ReplaceLineEndings(" ").Trim();
        var list = new List<object?>();
        foreach (var visit in visits)
        {
            list.Add(await VisitEmailModel.VisitAsync(visit, clock, cancellationToken));
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = VisitEmailModel.Customer(customer),
            ["message"] = message,
            ["visits"] = list,
            ["link"] = links.Absolute(VisitPaths.Portal),
        };
        return await templates.RenderAsync(EmailTemplateKeys.VisitDelayed, to, name, model, cancellationToken);
    }
}

/// <summary>How visits and customers appear in the Visits emails' Liquid models (names are part of the template contract).</summary>
public static class VisitEmailModel
{
    public static Dictionary<string, object?> Customer(Customer customer) => new(StringComparer.Ordinal)
    {
        ["name"] = customer.DisplayName.ReplaceLineEndings(" ").Trim(),
        ["account_number"] = customer.AccountNumber,
    };

    public static async Task<Dictionary<string, object?>> VisitAsync(Visit visit, VisitClock clock, CancellationToken cancellationToken)
    {
        var start = await clock.LocalAsync(visit.WindowStartUtc, cancellationToken);
        var end = await clock.LocalAsync(visit.WindowEndUtc, cancellationToken);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["service"] = visit.ServiceName,
            ["date"] = VisitClock.Date(start),
            ["window"] = VisitClock.Window(start, end),
            ["location"] = visit.Location ?? "",
        };
    }
}
