namespace OrchardPortal.Payments.PayInvoices;

/// <summary>
/// What the Pay form posts. Only <see cref="Amount"/> is a money figure from the customer, and it is only a
/// wish: the server computes what is due and refuses anything above it or below the tenant's minimum.
/// </summary>
public sealed record PayForm
{
    /// <summary>One per page load; it becomes the attempt's idempotency key, so resubmits charge once.</summary>
    public string? Token { get; init; }

    /// <summary>The invoices chosen; none means the whole balance.</summary>
    public IReadOnlyList<long> InvoiceIds { get; init; } = [];

    public string? Amount { get; init; }

    /// <summary><c>card</c>, <c>bank</c> (entered now) or <c>saved:{method id}</c>.</summary>
    public string? Method { get; init; }

    public bool SaveMethod { get; init; }

    /// <summary>Stripe: the <c>pm_…</c> id Stripe.js made in the browser.</summary>
    public string? PaymentMethodId { get; init; }

    // The Sandbox's own fields (test numbers only; never stored).
    public string? CardNumber { get; init; }

    public string? ExpMonth { get; init; }

    public string? ExpYear { get; init; }

    public string? Cvc { get; init; }

    public string? RoutingNumber { get; init; }

    public string? AccountNumber { get; init; }

    public string? CustomerIpAddress { get; init; }

    public string? CustomerUserAgent { get; init; }
}

/// <summary>The outcome of a submitted Pay form, for the page to show.</summary>
public sealed record PayOutcome
{
    /// <summary>Field errors (nothing was charged); keys: <c>amount</c>, <c>method</c>, <c>card</c>, <c>bank</c>, <c>form</c>.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The attempt, once one was made.</summary>
    public Attempts.PaymentAttempt? Attempt { get; init; }

    /// <summary>When the customer must act (3-D Secure, micro-deposits).</summary>
    public Gateways.PaymentRequiresAction? Action { get; init; }

    /// <summary>The invoices are not this customer's open invoices: answer "not found", show nothing.</summary>
    public bool NotFound { get; init; }

    /// <summary>
    /// The gateway gave no answer to the charge (after retries), so whether it was made is not known yet; the
    /// attempt stays pending and reconciliation finds out. Show the receipt page's "not confirmed yet" state.
    /// </summary>
    public bool Unanswered { get; init; }
}
