namespace OrchardPortal.Payments.Attempts;

/// <summary>The customer-facing payment URLs on a tenant's portal.</summary>
public static class PayPaths
{
    /// <summary>The payment form: <c>/pay?invoice=12&amp;invoice=13</c>, or the whole balance without invoices.</summary>
    public const string Pay = "/pay";

    public static string Receipt(string attemptId) => $"/pay/receipt/{Uri.EscapeDataString(attemptId)}";

    public static string Authenticate(string attemptId) => $"/pay/authenticate/{Uri.EscapeDataString(attemptId)}";
}
