using OrchardPortal.Core.Data;
using OrchardPortal.Core.Security;

namespace OrchardPortal.Core.Email;

internal sealed class EmailOutbox(TenantDbContext db, TimeProvider clock) : IEmailOutbox
{
    private const int MaxSubjectLength = 998;
    private const int MaxNameLength = 200;

    public Guid Enqueue(OutboundEmail message)
    {
        var to = EmailAddress.Normalize(message.To)
            ?? throw new ArgumentException($"'{message.To}' is not a usable email address for the recipient.", nameof(message));
        string? replyTo = null;
        if (!string.IsNullOrWhiteSpace(message.ReplyTo))
        {
            replyTo = EmailAddress.Normalize(message.ReplyTo)
                ?? throw new ArgumentException($"'{message.ReplyTo}' is not a usable reply-to address.", nameof(message));
        }

        // A line break in a header would be refused by the mail library at send time, failing the message
        // for good long after the caller could have fixed it; refuse it now instead.
        var subject = message.Subject?.Trim() ?? "";
        if (subject.Length == 0 || subject.Length > MaxSubjectLength || ContainsLineBreak(subject))
        {
            throw new ArgumentException($"An email needs a one-line subject of 1 to {MaxSubjectLength} characters.", nameof(message));
        }

        var toName = string.IsNullOrWhiteSpace(message.ToName) ? null : message.ToName.Trim();
        if (toName is not null && (toName.Length > MaxNameLength || ContainsLineBreak(toName)))
        {
            throw new ArgumentException($"The recipient's name must be one line of at most {MaxNameLength} characters.", nameof(message));
        }

        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            To = to,
            ToName = toName,
            ReplyTo = replyTo,
            Subject = subject,
            HtmlBody = message.HtmlBody ?? "",
            TextBody = message.TextBody ?? HtmlToText.Convert(message.HtmlBody ?? ""),
            CreatedUtc = now,
            State = OutboxState.Pending,
            NextAttemptUtc = now,
        };
        db.Add(row);
        return row.Id;
    }

    public async Task<Guid> SendNowAsync(OutboundEmail message, CancellationToken cancellationToken)
    {
        var id = Enqueue(message);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    private static bool ContainsLineBreak(string value) => value.AsSpan().IndexOfAny('\r', '\n') >= 0;
}
