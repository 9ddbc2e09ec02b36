namespace OrchardPortal.Core.Email;

/// <summary>
/// What staff need to know about mail the outbox gave up on (a permanent rejection such as "550 no such
/// mailbox", or every retry spent), and the way to try such a message again. Scoped to a tenant.
/// </summary>
public interface IEmailDeliveryStatus
{
    /// <summary>
    /// Which of <paramref name="addresses"/> are failing: the latest finished message to the address was
    /// given up on (a later successful delivery clears the mark). Keys are the normalised addresses.
    /// </summary>
    Task<IReadOnlyDictionary<string, FailedDelivery>> FailedAddressesAsync(IEnumerable<string> addresses, CancellationToken cancellationToken);

    /// <summary>How many messages are in the Failed state (for the admin menu's badge).</summary>
    Task<int> CountFailedAsync(CancellationToken cancellationToken);

    /// <summary>Failed messages, newest first.</summary>
    Task<IReadOnlyList<FailedDelivery>> ListFailedAsync(int max, CancellationToken cancellationToken);

    /// <summary>Puts a failed message back in the queue with a fresh set of retries; false when it is not (or no longer) failed.</summary>
    Task<bool> RetryAsync(Guid messageId, CancellationToken cancellationToken);
}

/// <summary>One message the outbox gave up on.</summary>
/// <param name="Id">The outbox message id.</param>
/// <param name="To">The recipient's (normalised) address.</param>
/// <param name="ToName">The recipient's display name.</param>
/// <param name="Subject">The email's subject.</param>
/// <param name="CreatedUtc">When it was queued.</param>
/// <param name="Attempts">Delivery attempts made.</param>
/// <param name="Error">The mail server's (or connection's) last error.</param>
public sealed record FailedDelivery(Guid Id, string To, string? ToName, string Subject, DateTimeOffset CreatedUtc, int Attempts, string? Error);
