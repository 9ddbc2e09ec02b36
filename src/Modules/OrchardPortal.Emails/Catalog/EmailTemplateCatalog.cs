using OrchardPortal.Core.Email.Templates;

namespace OrchardPortal.Emails.Catalog;

/// <summary>
/// The emails every tenant has. Variable names are a contract: other modules build these models,
/// and staff templates use them. Every template also gets <see cref="Common"/>.
/// </summary>
public static class EmailTemplateCatalog
{
    /// <summary>Added to every email by <see cref="Templates.EmailTemplateService"/>; callers pass <c>recipient</c>.</summary>
    public static IReadOnlyList<EmailVariable> Common { get; } =
    [
        new("site.company_name", "Your company's name."),
        new("portal_url", "The address of your customer portal."),
        new("recipient.name", "The name of the person the email is for."),
        new("recipient.email", "The address the email is sent to."),
        new("theme.theme_color", "Your portal's theme colour, e.g. for buttons."),
    ];

    public static IReadOnlyList<EmailTemplateDefinition> All { get; } =
    [
        new(EmailTemplateKeys.Invitation, "Portal invitation", "When staff send a customer a link to set up their portal account.",
            [
                new("customer.name", "The customer's name."),
                new("customer.account_number", "The customer's account number."),
                new("link", "The activation link (works once)."),
                new("expires_days", "How many days the link works for."),
            ],
            () => Model(("customer", Customer()), ("link", "https://example.com/activate/sample-token"), ("expires_days", 14))),
        new(EmailTemplateKeys.PasswordReset, "Password reset", "When a customer asks to choose a new password.",
            [
                new("link", "The link to choose a new password (works once)."),
                new("expires_minutes", "How many minutes the link works for."),
            ],
            () => Model(("link", "https://example.com/reset-password/sample-token"), ("expires_minutes", 60))),
        new(EmailTemplateKeys.SignInLink, "Sign-in link", "When a customer asks to sign in with a link instead of a password.",
            [
                new("link", "The one-time sign-in link."),
                new("expires_minutes", "How many minutes the link works for."),
            ],
            () => Model(("link", "https://example.com/sign-in/link/sample-token"), ("expires_minutes", 15))),
        new(EmailTemplateKeys.ContactChangeDecision, "Contact change decision", "When staff approve or decline a customer's request to change their contact information.",
            [
                new("customer.name", "The customer's name."),
                new("approved", "true when the change was made, false when it was declined."),
                new("changes", "What changed: a list of items with field and value."),
                new("reason", "Why the request was declined (empty when approved)."),
            ],
            () => Model(("customer", Customer()), ("approved", true), ("reason", ""),
                ("changes", new List<object?> { Item(("field", "Phones"), ("value", "(630) 555-0142")), Item(("field", "Service properties"), ("value", "418 Birchwood Lane, Maple Hollow, IL 60510")) }))),
        new(EmailTemplateKeys.AutoChargeReceipt, "Autopay receipt", "When a saved card or bank account is charged automatically.",
            PaymentVariables(), () => PaymentSample("Visa ending 4242")),
        new(EmailTemplateKeys.AutopayFailed, "Autopay failed", "When an automatic payment is declined (the customer is told whether it will be tried again).",
            [
                new("customer.name", "The customer's name."),
                new("invoice.number", "The invoice that could not be charged."),
                new("invoice.amount", "The amount that was tried, formatted."),
                new("invoice.due_date", "The invoice's due date."),
                new("reason", "Why the payment failed, in plain words (e.g. the card was declined)."),
                new("will_retry", "true when it will be tried again automatically."),
                new("next_attempt_date", "When it will be tried again (empty when it won't)."),
                new("pay_url", "The link to pay the invoice in the portal now."),
                new("autopay_url", "The link to change the payment method or turn automatic payments off."),
            ],
            () => Model(("customer", Customer()), ("reason", "Your card has insufficient funds."), ("will_retry", true), ("next_attempt_date", "November 24, 2026"),
                ("pay_url", "https://example.com/pay?invoice=1042"), ("autopay_url", "https://example.com/pay/autopay"),
                ("invoice", Item(("number", "INV-1042"), ("amount", "$145.00"), ("due_date", "November 21, 2026"))))),
        new(EmailTemplateKeys.AutopayFailuresOffice, "Autopay failures (to the office)", "To your notification addresses (Portal settings) after an automatic payment run in which charges were declined or stopped: one email per run listing them all.",
            [
                new("failure_count", "How many charges failed in the run."),
                new("retrying_count", "How many of them will be tried again automatically."),
                new("stopped_count", "How many will not be tried again (the last try failed)."),
                new("failures", "The failed charges: a list of items with customer_name, account_number, invoice_number, amount, due_date, reason, tries, will_retry and next_attempt_date (empty when it stopped)."),
                new("more_count", "Failures left out of the list because it is long (0 normally); the Autopay page has them all."),
                new("run_date", "The date of the run."),
                new("link", "The link to the Autopay page in the admin."),
            ],
            () => Model(("failure_count", 2), ("retrying_count", 1), ("stopped_count", 1), ("more_count", 0), ("run_date", "November 21, 2026"),
                ("link", "https://example.com/admin/autopay"),
                ("failures", new List<object?>
                {
                    AutopayFailureSample("Jordan Rivera", "100245", "INV-1042", "$145.00", "Your payment was declined for insufficient funds. Please use a different card or bank account.", 1, "November 24, 2026"),
                    AutopayFailureSample("Casey Lindqvist", "100311", "INV-1017", "$89.50", "Your card was declined.", 3, null),
                }))),
        new(EmailTemplateKeys.PaymentReceipt, "Payment receipt", "When a customer pays in the portal.",
            PaymentVariables(), () => PaymentSample("Mastercard ending 4444")),
        new(EmailTemplateKeys.Invoice, "Invoice", "When staff send an invoice, with a link to pay it without signing in.",
            [
                new("customer.name", "The customer's name."),
                new("invoice.number", "The invoice number."),
                new("invoice.total", "The invoice total, formatted."),
                new("invoice.balance", "What is still owed on it, formatted."),
                new("invoice.due_date", "When it is due."),
                new("link", "The link to view and pay the invoice without signing in."),
            ],
            () => Model(("customer", Customer()), ("link", "https://example.com/pay/sample-token"),
                ("invoice", Item(("number", "INV-1042"), ("total", "$145.00"), ("balance", "$145.00"), ("due_date", "December 5, 2026"))))),
        new(EmailTemplateKeys.NewMessage, "New message", "When your team writes to a customer in a portal conversation (sent to each of the customer's portal users who can see Messages).",
            [
                new("customer.name", "The customer's name."),
                new("thread.title", "The conversation's subject, e.g. \"About invoice INV-1042\"."),
                new("message.author", "Who wrote the message (the staff member's name)."),
                new("message.body", "The message as written (plain text; line breaks kept in the text part)."),
                new("message.attachment_count", "How many files are attached (0 when none)."),
                new("link", "The link to the conversation in the portal (the customer signs in first if needed)."),
            ],
            () => Model(("customer", Customer()), ("link", "https://example.com/messages/42"),
                ("thread", Item(("title", "About invoice INV-1042"))),
                ("message", Item(("author", "Sam Keller"), ("body", "Hi Jordan, the late fee was removed. Thanks for letting us know!"), ("attachment_count", 0))))),
        new(EmailTemplateKeys.VisitDelayed, "Visit delayed", "To a customer when your team marks their visit (or the whole day) delayed; one email per customer.",
            [
                new("customer.name", "The customer's name."),
                new("message", "Your team's message, e.g. about the weather."),
                new("visits", "The delayed visits: a list of items with service, date, window and location."),
                new("link", "The link to the Schedule tab in the portal."),
            ],
            () => Model(("customer", Customer()), ("message", "Heavy rain today: we'll come tomorrow at the same time."), ("link", "https://example.com/schedule"),
                ("visits", new List<object?> { VisitSample() }))),
        new(EmailTemplateKeys.VisitChangeRequested, "Visit change requested", "To your notification addresses (Portal settings) when a customer asks to reschedule or skip a visit.",
            [
                new("customer.name", "The customer's name."),
                new("customer.account_number", "The customer's account number."),
                new("visit.service", "The visit's service."),
                new("visit.date", "The visit's date."),
                new("visit.window", "The visit's time window."),
                new("visit.location", "The property (may be empty)."),
                new("request.kind", "\"reschedule\" or \"skip\"."),
                new("request.preferred", "The days or times the customer prefers (reschedule)."),
                new("request.notes", "The customer's note (may be empty)."),
                new("request.requested_by", "The portal user who asked."),
                new("link", "The link to approve or decline in the admin."),
            ],
            () => Model(("customer", Customer()), ("visit", VisitSample()), ("link", "https://example.com/admin/visits/requests/7"),
                ("request", Item(("kind", "reschedule"), ("preferred", "Any weekday morning next week"), ("notes", "We're away on Tuesday."), ("requested_by", "Jordan Rivera"))))),
        new(EmailTemplateKeys.VisitChangeDecision, "Visit change decision", "To the customer when your team approves or declines their request to reschedule or skip a visit.",
            [
                new("customer.name", "The customer's name."),
                new("kind", "\"reschedule\" or \"skip\"."),
                new("approved", "true when approved, false when declined."),
                new("visit.service", "The visit's service."),
                new("visit.date", "The visit's date (the new one when rescheduled)."),
                new("visit.window", "The visit's time window."),
                new("visit.location", "The property (may be empty)."),
                new("reason", "Why it was declined (empty when approved)."),
                new("link", "The link to the visit in the portal."),
            ],
            () => Model(("customer", Customer()), ("visit", VisitSample()), ("kind", "reschedule"), ("approved", true), ("reason", ""), ("link", "https://example.com/schedule/7"))),
        new(EmailTemplateKeys.ServiceRequestReceived, "Service request received", "To your notification addresses (Portal settings) when a customer requests service in the portal.",
            [
                new("customer.name", "The customer's name."),
                new("customer.account_number", "The customer's account number."),
                new("request.number", "The request's number."),
                new("request.service", "The service asked for (or \"Something else\")."),
                new("request.property", "The property it is for."),
                new("request.preferred", "The preferred dates and time of day."),
                new("request.description", "What the customer described (may be empty)."),
                new("request.notes", "The customer's notes (may be empty)."),
                new("request.photo_count", "How many photos are attached."),
                new("request.submitted_by", "The portal user who sent it."),
                new("link", "The link to the request in the admin."),
            ],
            () => Model(("customer", Customer()), ("request", ServiceRequestSample()), ("link", "https://example.com/admin/service-requests/12"))),
        new(EmailTemplateKeys.ServiceRequestUpdate, "Service request update", "To the customer when your team changes the status of their service request.",
            [
                new("customer.name", "The customer's name."),
                new("request.number", "The request's number."),
                new("request.service", "The service asked for."),
                new("request.preferred", "The preferred dates they gave."),
                new("status", "The new status: Received, Scheduled, Quoted, Declined or Done."),
                new("message", "Your team's message (may be empty)."),
                new("link", "The link to the request in the portal."),
            ],
            () => Model(("customer", Customer()), ("request", ServiceRequestSample()), ("status", "Scheduled"),
                ("message", "We'll be there Tuesday morning."), ("link", "https://example.com/request-service/12"))),
        new(EmailTemplateKeys.ServiceNoteReceived, "Service note received", "To your notification addresses (Portal settings) when a customer sends a service note.",
            [
                new("customer.name", "The customer's name."),
                new("customer.account_number", "The customer's account number."),
                new("note.body", "The note as written."),
                new("note.property", "The property it is about (may be empty)."),
                new("note.visit", "The visit it is about (may be empty)."),
                new("note.submitted_by", "The portal user who sent it."),
                new("link", "The link to the service notes inbox in the admin."),
            ],
            () => Model(("customer", Customer()), ("note", ServiceNoteSample("")), ("link", "https://example.com/admin/service-notes"))),
        new(EmailTemplateKeys.ServiceNoteAnswered, "Service note answered", "To the customer when your team answers their service note.",
            [
                new("customer.name", "The customer's name."),
                new("note.body", "The customer's note."),
                new("note.answer", "Your team's answer."),
                new("note.property", "The property it is about (may be empty)."),
                new("link", "The link to the Service notes tab in the portal."),
            ],
            () => Model(("customer", Customer()), ("note", ServiceNoteSample("Thanks, we've told the crew.")), ("link", "https://example.com/service-notes"))),
    ];

    public static EmailTemplateDefinition? Find(string? key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>The recipient the sample emails are addressed to in previews.</summary>
    public static Dictionary<string, object?> SampleRecipient(string email) => Item(("name", "Jordan Rivera"), ("email", email));

    private static IReadOnlyList<EmailVariable> PaymentVariables() =>
    [
        new("customer.name", "The customer's name."),
        new("payment.amount", "The amount paid, formatted."),
        new("payment.method", "How it was paid, e.g. \"Visa ending 4242\"."),
        new("payment.date", "When it was paid."),
        new("payment.reference", "The payment's reference number."),
        new("invoices", "The invoices it paid: a list of items with number and amount."),
        new("receipt_url", "The link to the receipt in the portal."),
    ];

    private static Dictionary<string, object?> PaymentSample(string method) => Model(
        ("customer", Customer()),
        ("payment", Item(("amount", "$210.00"), ("method", method), ("date", "November 21, 2026"), ("reference", "PAY-20931"))),
        ("invoices", new List<object?> { Item(("number", "INV-1039"), ("amount", "$65.00")), Item(("number", "INV-1042"), ("amount", "$145.00")) }),
        ("receipt_url", "https://example.com/payments/PAY-20931"));

    private static Dictionary<string, object?> AutopayFailureSample(string name, string account, string invoice, string amount, string reason, int tries, string? nextAttempt) => Item(
        ("customer_name", name), ("account_number", account), ("invoice_number", invoice), ("amount", amount), ("due_date", "November 21, 2026"),
        ("reason", reason), ("tries", tries), ("will_retry", nextAttempt is not null), ("next_attempt_date", nextAttempt ?? ""));

    private static Dictionary<string, object?> VisitSample() => Item(
        ("service", "Lawn mowing"), ("date", "Tuesday, December 1, 2026"), ("window", "8:00 AM – 10:00 AM"), ("location", "Home — 418 Birchwood Lane, Maple Hollow, IL 60510"));

    private static Dictionary<string, object?> ServiceRequestSample() => Item(
        ("number", "12"), ("service", "Spring clean-up"), ("property", "Home — 418 Birchwood Lane, Maple Hollow, IL 60510"),
        ("preferred", "Dec 3 – Dec 10, 2026 (mornings)"), ("description", ""), ("notes", "The side gate is unlocked."), ("photo_count", 1), ("submitted_by", "Jordan Rivera"));

    private static Dictionary<string, object?> ServiceNoteSample(string answer) => Item(
        ("body", "New gate code is 4512."), ("property", "Home — 418 Birchwood Lane, Maple Hollow, IL 60510"), ("visit", ""), ("answer", answer), ("submitted_by", "Jordan Rivera"));

    private static Dictionary<string, object?> Customer() => Item(("name", "Jordan Rivera"), ("account_number", "100245"));

    private static Dictionary<string, object?> Model(params (string Key, object? Value)[] entries) => Item(entries);

    private static Dictionary<string, object?> Item(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
