namespace OrchardPortal.Payments.Gateways;

/// <summary>
/// What happened to a payment, as one of four cases the flow must handle. <see cref="PaymentId"/> is the
/// gateway's id (e.g. <c>pi_…</c>), null only when the gateway refused before creating anything.
/// </summary>
public abstract record PaymentResult(string? PaymentId, long Amount)
{
    /// <summary>How far along the payment is; a payment is never moved to a lower rank (see <see cref="PaymentStatusOrder"/>).</summary>
    public abstract PaymentStatus Status { get; }
}

/// <summary>The money moved (card captured, or ACH settled).</summary>
public sealed record PaymentSucceeded(string PaymentId, long Amount, PaymentMethodSummary? Method) : PaymentResult(PaymentId, Amount)
{
    public override PaymentStatus Status => PaymentStatus.Succeeded;
}

/// <summary>Accepted, settling later (ACH takes days): not paid yet, not failed.</summary>
public sealed record PaymentProcessing(string PaymentId, long Amount, PaymentMethodSummary? Method) : PaymentResult(PaymentId, Amount)
{
    public override PaymentStatus Status => PaymentStatus.Processing;
}

/// <summary>The customer must do something first: authenticate the card (3-D Secure) or verify micro-deposits.</summary>
/// <param name="PaymentId">The gateway's payment id.</param>
/// <param name="Amount">Minor units.</param>
/// <param name="ClientSecret">Handed to the browser (Stripe.js <c>handleNextAction</c>, or the Sandbox's own step).</param>
/// <param name="NextAction">Stripe's next-action type: <c>use_stripe_sdk</c>, <c>redirect_to_url</c>, <c>verify_with_microdeposits</c>, or <c>sandbox_authenticate</c>.</param>
/// <param name="RedirectUrl">Where to send the customer, when the action is a redirect or a hosted verification page.</param>
public sealed record PaymentRequiresAction(string PaymentId, long Amount, string ClientSecret, string NextAction, string? RedirectUrl = null) : PaymentResult(PaymentId, Amount)
{
    public override PaymentStatus Status => PaymentStatus.RequiresAction;
}

/// <summary>No money moved.</summary>
/// <param name="PaymentId">The gateway's payment id, when it created one before failing.</param>
/// <param name="Amount">Minor units.</param>
/// <param name="ReasonCode">Stable code for logs and staff (<c>card_declined</c>, <c>insufficient_funds</c>, <c>expired_card</c>, …).</param>
/// <param name="CustomerMessage">A plain sentence for the customer, never the provider's raw text.</param>
public sealed record PaymentFailed(string? PaymentId, long Amount, string ReasonCode, string CustomerMessage) : PaymentResult(PaymentId, Amount)
{
    public override PaymentStatus Status => PaymentStatus.Failed;
}

/// <summary>The statuses a payment attempt goes through.</summary>
public enum PaymentStatus
{
    /// <summary>Our attempt row exists; the gateway has not answered yet.</summary>
    Pending,
    RequiresAction,
    Failed,
    Processing,
    Succeeded,
}

/// <summary>Out-of-order events must never move a payment backwards.</summary>
public static class PaymentStatusOrder
{
    /// <summary>
    /// True when a payment known to be <paramref name="current"/> may become <paramref name="next"/>. Succeeded is
    /// final; a processing ACH payment can still fail (a return) or succeed; a failed attempt can be retried by
    /// the customer (requires action again, processing, succeeded), as Stripe allows.
    /// </summary>
    public static bool CanMove(PaymentStatus current, PaymentStatus next) => current switch
    {
        PaymentStatus.Succeeded => false,
        PaymentStatus.Processing => next is PaymentStatus.Succeeded or PaymentStatus.Failed,
        _ => next != current && next != PaymentStatus.Pending,
    };
}

/// <summary>What the customer may see of a method: never the full number.</summary>
public sealed record PaymentMethodSummary(PaymentMethodKind Kind, string Brand, string Last4, int? ExpMonth = null, int? ExpYear = null);

/// <summary>A method saved at the gateway for a customer.</summary>
public sealed record SavedPaymentMethod(string Id, PaymentMethodSummary Summary, bool IsDefault);

/// <summary>A SetupIntent-like result: the secret the browser completes it with, or the saved method once done.</summary>
public sealed record SetupResult(string SetupId, string Status, string? ClientSecret, string? PaymentMethodId, string? FailureMessage = null)
{
    public bool Succeeded => Status == "succeeded";
}

/// <summary>A refund's outcome: <c>succeeded</c>, <c>pending</c> (ACH) or <c>failed</c>.</summary>
public sealed record RefundResult(string RefundId, string PaymentId, long Amount, string Status, string? FailureMessage = null);
