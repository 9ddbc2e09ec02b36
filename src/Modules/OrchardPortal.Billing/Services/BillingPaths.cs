using System.Globalization;

namespace OrchardPortal.Billing.Services;

/// <summary>The Billing module's staff-admin URLs.</summary>
public static class BillingPaths
{
    public const string Invoices = "/admin/invoices";
    public const string NewInvoice = "/admin/invoices/new";
    public const string Estimates = "/admin/estimates";
    public const string NewEstimate = "/admin/estimates/new";

    public static string Invoice(long id) => Invoices + "/" + Id(id);

    public static string EditInvoice(long id) => Invoice(id) + "/edit";

    public static string Estimate(long id) => Estimates + "/" + Id(id);

    public static string EditEstimate(long id) => Estimate(id) + "/edit";

    /// <summary>The customer's account: balance, ledger, statement.</summary>
    public static string Account(long customerId) => "/admin/customers/" + Id(customerId) + "/account";

    public static string StatementPdf(long customerId) => Account(customerId) + "?handler=pdf";

    public static string Payment(long customerId, long paymentId) => Account(customerId) + "/payments/" + Id(paymentId);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
