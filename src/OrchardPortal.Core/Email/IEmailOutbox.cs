namespace OrchardPortal.Core.Email;

/// <summary>
/// The one way features send email. Messages are rows in the current tenant's database, so a business
/// change and its email commit (or roll back) together; <see cref="OutboxDispatcher"/> delivers them
/// after the commit, retrying while the mail server is down. Scoped to a tenant.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Adds <paramref name="message"/> to the current <see cref="Data.TenantDbContext"/> without saving: the
    /// caller's own <c>SaveChangesAsync</c> (and transaction, if any) commits it with their change.
    /// </summary>
    /// <returns>The outbox message id (also the email's Message-ID).</returns>
    /// <exception cref="ArgumentException">The recipient or reply-to address is not usable, or the subject is empty or multi-line. Validate user input first.</exception>
    Guid Enqueue(OutboundEmail message);

    /// <summary>
    /// Enqueues and saves at once, for code with no other change to commit. It saves the whole tenant
    /// context, so anything else pending in it is committed too.
    /// </summary>
    Task<Guid> SendNowAsync(OutboundEmail message, CancellationToken cancellationToken);
}
