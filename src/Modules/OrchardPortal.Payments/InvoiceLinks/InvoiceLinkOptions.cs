namespace OrchardPortal.Payments.InvoiceLinks;

/// <summary><c>Payments:InvoiceLinks</c>: how long an emailed invoice link works.</summary>
public sealed class InvoiceLinkOptions
{
    public const string Section = "Payments:InvoiceLinks";

    /// <summary>
    /// 60 days by default: long enough for a customer who pays monthly to find last month's email, short
    /// enough that an old forwarded email stops showing the invoice. A paid or void invoice no longer takes payment anyway.
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(60);
}
