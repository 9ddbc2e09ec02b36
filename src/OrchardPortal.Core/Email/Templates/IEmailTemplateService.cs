namespace OrchardPortal.Core.Email.Templates;

/// <summary>
/// Renders one of the tenant's email templates (subject, HTML body and text part in Liquid, edited by
/// staff in the admin and seeded by the tenant's recipe) into an email ready for <see cref="IEmailOutbox"/>.
/// Implemented by the Emails module. Scoped to a tenant.
/// </summary>
public interface IEmailTemplateService
{
    /// <summary>
    /// Renders template <paramref name="key"/> (one of <see cref="EmailTemplateKeys"/>) for one recipient.
    /// <paramref name="model"/>'s entries become Liquid variables next to the tenant's globals
    /// (<c>site</c>, <c>theme</c>, <c>portal_url</c>, …); values from people are HTML-escaped in the HTML part.
    /// </summary>
    /// <remarks>
    /// The service adds <c>recipient</c> (<c>name</c>, <c>email</c>, from <paramref name="to"/> and <paramref name="toName"/>)
    /// and <c>portal_url</c> unless the model has its own. If the tenant's saved template fails (a sandbox limit, a render
    /// error), the shipped default from <c>recipes/default.recipe.json</c> is rendered instead and the error is kept for
    /// staff: a staff edit never stops an email. The variables each template gets are listed in docs/email.md.
    /// </remarks>
    /// <param name="key">The template, e.g. <see cref="EmailTemplateKeys.Invitation"/>.</param>
    /// <param name="to">The recipient's address.</param>
    /// <param name="toName">The recipient's display name, or null.</param>
    /// <param name="model">The template's own variables, e.g. <c>{"customer": {...}, "link": "https://…"}</c>.</param>
    /// <param name="cancellationToken">Cancels rendering.</param>
    Task<OutboundEmail> RenderAsync(string key, string to, string? toName, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken);
}

/// <summary>The email templates every tenant has (seeded by <c>recipes/default.recipe.json</c>).</summary>
public static class EmailTemplateKeys
{
    /// <summary>"Activate your portal account": <c>customer</c>, <c>recipient</c>, <c>link</c>, <c>expires_days</c>.</summary>
    public const string Invitation = "invitation";

    /// <summary>"Choose a new password": <c>recipient</c>, <c>link</c>, <c>expires_minutes</c>.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>A one-time sign-in link: <c>recipient</c>, <c>link</c>, <c>expires_minutes</c>.</summary>
    public const string SignInLink = "sign-in-link";

    /// <summary>Contact-change request approved or declined: <c>customer</c>, <c>approved</c>, <c>changes</c>, <c>reason</c>.</summary>
    public const string ContactChangeDecision = "contact-change-decision";

    /// <summary>An autopay charge succeeded: <c>customer</c>, <c>payment</c>, <c>invoices</c>.</summary>
    public const string AutoChargeReceipt = "auto-charge-receipt";

    /// <summary>An autopay charge failed: <c>customer</c>, <c>invoice</c>, <c>reason</c>, <c>will_retry</c>, <c>next_attempt_date</c>, <c>pay_url</c>, <c>autopay_url</c>.</summary>
    public const string AutopayFailed = "autopay-failed";

    /// <summary>
    /// To the office, once per autopay run that had definite failures: <c>failure_count</c>, <c>retrying_count</c>, <c>stopped_count</c>,
    /// <c>failures</c> (<c>customer_name</c>, <c>account_number</c>, <c>invoice_number</c>, <c>amount</c>, <c>due_date</c>, <c>reason</c>, <c>tries</c>,
    /// <c>will_retry</c>, <c>next_attempt_date</c>), <c>more_count</c>, <c>run_date</c>, <c>link</c>.
    /// </summary>
    public const string AutopayFailuresOffice = "autopay-failures-office";

    /// <summary>A payment made in the portal: <c>customer</c>, <c>payment</c>, <c>invoices</c>.</summary>
    public const string PaymentReceipt = "payment-receipt";

    /// <summary>An invoice with its no-sign-in "Pay now" link: <c>customer</c>, <c>invoice</c>, <c>link</c>.</summary>
    public const string Invoice = "invoice";

    /// <summary>A new message from the office in a portal conversation: <c>customer</c>, <c>thread</c>, <c>message</c>, <c>link</c>.</summary>
    public const string NewMessage = "new-message";

    /// <summary>To the office: a customer asked for service: <c>customer</c>, <c>request</c>, <c>link</c>.</summary>
    public const string ServiceRequestReceived = "service-request-received";

    /// <summary>To the customer: staff changed their request's status: <c>customer</c>, <c>request</c>, <c>status</c>, <c>message</c>, <c>link</c>.</summary>
    public const string ServiceRequestUpdate = "service-request-update";

    /// <summary>To the office: a customer sent a service note: <c>customer</c>, <c>note</c>, <c>link</c>.</summary>
    public const string ServiceNoteReceived = "service-note-received";

    /// <summary>To the customer: staff answered their service note: <c>customer</c>, <c>note</c>, <c>link</c>.</summary>
    public const string ServiceNoteAnswered = "service-note-answered";

    /// <summary>To the customer: staff marked their visit(s) delayed: <c>customer</c>, <c>message</c>, <c>visits</c> (<c>service</c>, <c>date</c>, <c>window</c>, <c>location</c>), <c>link</c>.</summary>
    public const string VisitDelayed = "visit-delayed";

    /// <summary>To the office: a customer asked to reschedule or skip a visit: <c>customer</c>, <c>visit</c>, <c>request</c>, <c>link</c>.</summary>
    public const string VisitChangeRequested = "visit-change-requested";

    /// <summary>To the customer: staff approved or declined their reschedule/skip request: <c>customer</c>, <c>visit</c>, <c>kind</c>, <c>approved</c>, <c>reason</c>, <c>link</c>.</summary>
    public const string VisitChangeDecision = "visit-change-decision";

    /// <summary>Every key, in the order the admin lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Invitation, PasswordReset, SignInLink, ContactChangeDecision, AutoChargeReceipt, AutopayFailed, AutopayFailuresOffice, PaymentReceipt, Invoice, NewMessage,
        VisitDelayed, VisitChangeRequested, VisitChangeDecision,
        ServiceRequestReceived, ServiceRequestUpdate, ServiceNoteReceived, ServiceNoteAnswered];
}
