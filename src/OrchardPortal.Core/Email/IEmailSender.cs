using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

/// <summary>Hands one email to a mail system. Throws when it was not accepted. Called concurrently by the outbox: keep no per-send state in fields.</summary>
public interface IEmailSender
{
    /// <param name="message">What to send.</param>
    /// <param name="messageId">The outbox id; becomes the Message-ID, so a rare resend can be recognised as the same mail.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    Task SendAsync(OutboundEmail message, Guid messageId, CancellationToken cancellationToken);
}

/// <summary>
/// Picks the sender for a tenant. Today every tenant uses the process-wide <c>Email:Smtp</c> settings
/// (or its pickup folder); per-tenant SMTP settings replace this service without touching the dispatcher.
/// </summary>
public interface IEmailSenderResolver
{
    ValueTask<IEmailSender> ResolveAsync(TenantRecord tenant, CancellationToken cancellationToken);
}

/// <summary>A send the mail server refused for good (e.g. 550 no such mailbox); retrying cannot help.</summary>
public sealed class PermanentEmailFailureException(string message, Exception? innerException = null)
    : Exception(message, innerException);
