using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Autopay.Models;

/// <summary>
/// The customer's authorisation to be charged automatically, as they gave it: the exact text they ticked,
/// when, from where, by which portal user, for which saved method. Never changed afterwards except to note
/// when and why it ended, so the record still shows what was agreed after autopay is turned off.
/// </summary>
public sealed class AutopayConsent
{
    /// <summary>Our id, e.g. <c>apc_3f…</c>.</summary>
    public required string Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The portal user who ticked the box (null only if that user has since been removed).</summary>
    public long? PortalUserId { get; set; }

    /// <summary>Who that was, as shown to staff even after the portal user is removed.</summary>
    public string? PortalUserEmail { get; set; }

    public GatewayKind Gateway { get; set; }

    /// <summary>The gateway's saved method id (<c>pm_…</c> or the Sandbox's).</summary>
    public required string MethodId { get; set; }

    /// <summary>What the customer saw, e.g. "Visa •••• 4242".</summary>
    public required string MethodLabel { get; set; }

    public PaymentMethodKind MethodKind { get; set; }

    /// <summary>The authorisation sentence exactly as it was on the page.</summary>
    public required string ConsentText { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public DateTimeOffset GivenUtc { get; set; }

    public DateTimeOffset? EndedUtc { get; set; }

    /// <summary>"customer", "staff: owner@…", or "replaced" when the customer chose another method.</summary>
    public string? EndedBy { get; set; }
}

/// <summary>
/// A customer who pays automatically now: one row per customer (the primary key), pointing at the consent
/// in force. Turning autopay off deletes the row; the consent stays.
/// </summary>
public sealed class AutopayEnrollment
{
    public long CustomerId { get; set; }

    public required string ConsentId { get; set; }

    public GatewayKind Gateway { get; set; }

    public required string MethodId { get; set; }

    public required string MethodLabel { get; set; }

    public PaymentMethodKind MethodKind { get; set; }

    public DateTimeOffset EnabledUtc { get; set; }
}
