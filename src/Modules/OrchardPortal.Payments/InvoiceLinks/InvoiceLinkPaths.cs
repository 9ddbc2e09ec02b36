namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary>The no-sign-in invoice pages; the token is the only key.</summary>
public static class InvoiceLinkPaths
{
    public const string Page = "/pay/link/{token}";

    public static string Link(string token) => "/pay/link/" + token;

    public static string Receipt(string token, string attemptId) => $"/pay/link/{token}/receipt/{Uri.EscapeDataString(attemptId)}";

    public static string Authenticate(string token, string attemptId) => $"/pay/link/{token}/authenticate/{Uri.EscapeDataString(attemptId)}";

    /// <summary>The staff page that emails an invoice (linked from Billing's invoice page).</summary>
    public static string StaffSend(long invoiceId) => $"/admin/invoices/{invoiceId}/email";
}
