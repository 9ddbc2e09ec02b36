using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Billing.Services;
using OrchardPortal.Payments.Autopay.Enrollment;
using OrchardPortal.Payments.Autopay.History;
using OrchardPortal.Payments.Autopay.Models;

namespace OrchardPortal.Payments.Autopay.Staff;

/// <summary>
/// The autopay panel on the customer's page in the Customers module, which cannot reference this one: it invokes
/// the component by name (<c>CustomerAutopay</c>) when the component exists. Method, consent, last result, and "Turn off".
/// </summary>
[ViewComponent(Name = Name)]
public sealed class CustomerAutopayViewComponent(AutopayEnrollmentService enrollment, AutopayHistory history, BillingContext billing) : ViewComponent
{
    public const string Name = "CustomerAutopay";

    public async Task<IViewComponentResult> InvokeAsync(long customerId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var status = await enrollment.GetStatusAsync(customerId, cancellationToken);
        var latest = await history.LatestAsync(customerId, cancellationToken);
        var money = await billing.FormatterAsync(cancellationToken);
        var zone = (await billing.ProfileAsync(cancellationToken)).TimeZone;
        return View("/Pages/Shared/Components/CustomerAutopay/Default.cshtml", new CustomerAutopayPanel(
            customerId,
            status.Enrollment?.MethodLabel,
            status.Consent is null ? null : TimeZoneInfo.ConvertTime(status.Consent.GivenUtc, zone),
            status.Consent?.PortalUserEmail,
            latest,
            latest is null || latest.Amount <= 0 ? null : money(latest.Amount),
            latest is null ? null : TimeZoneInfo.ConvertTime(latest.LastRunUtc!.Value, zone)));
    }
}

/// <summary>What the panel shows; <see cref="MethodLabel"/> null means autopay is off.</summary>
public sealed record CustomerAutopayPanel(
    long CustomerId, string? MethodLabel, DateTimeOffset? ConsentGiven, string? ConsentBy, AutopayCharge? Latest, string? LatestAmount, DateTimeOffset? LatestRun)
{
    public bool Enabled => MethodLabel is not null;
}
