using OrchardPortal.Payments.Autopay.Enrollment;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Payments.Autopay.CustomerPortal;

/// <summary>
/// <c>autopay.*</c> on the Payments tab: whether the customer can use automatic payments, whether they are on,
/// with which method, and the link to the page. Nothing when the tenant does not offer it or the user may not pay.
/// </summary>
internal sealed class AutopayTabContent(AutopayEnrollmentService enrollment) : IPortalTabContent
{
    public string TabKey => PortalTabs.Payments.Key;

    public async Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        if (!customer.CanPay || !await enrollment.IsOfferedAsync(cancellationToken))
        {
            return;
        }

        var status = await enrollment.GetStatusAsync(customer.CustomerId, cancellationToken);
        model["autopay"] = new Dictionary<string, object?>
        {
            ["offered"] = true,
            ["enabled"] = status.Enabled,
            ["method_label"] = status.Enrollment?.MethodLabel,
            ["url"] = AutopayPaths.Page,
        };
    }
}
