namespace OrchardPortal.Payments.Reconciliation;

/// <summary><c>Payments:Reconciliation</c>.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Payments:Reconciliation";

    /// <summary>False switches the background job off on this node (the receipt page and webhooks still re-ask the gateway).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>Between passes; the first pass runs at start-up.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// An attempt is only reconciled once it has not moved for this long, so a payment the customer is in the
    /// middle of (a request in flight, a 3-D Secure page open) is left to its own request.
    /// </summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// An unanswered request is sent again only within this window: Stripe keeps idempotency keys for 24 hours,
    /// after which the same key could make a second payment instead of replaying the first.
    /// </summary>
    public TimeSpan ResendWindow { get; set; } = TimeSpan.FromHours(23);
}
