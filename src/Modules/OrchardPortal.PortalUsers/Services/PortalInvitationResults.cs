namespace OrchardPortal.PortalUsers.Services;

/// <summary>The outcome of sending one invitation or password-reset email.</summary>
/// <param name="UserId">The portal user the email was for (created when inviting a customer without one).</param>
/// <param name="Email">The address it was sent to.</param>
/// <param name="Error">Why nothing was sent, in words staff can act on; null when sent.</param>
public sealed record PortalInvitationResult(long? UserId, string? Email, string? Error)
{
    public bool Succeeded => Error is null;

    public static PortalInvitationResult Sent(long userId, string email) => new(userId, email, null);

    public static PortalInvitationResult Refused(string error, long? userId = null) => new(userId, null, error);
}

/// <summary>The outcome of a bulk action: how many emails were queued, and who was skipped and why.</summary>
public sealed record PortalBulkResult(int Sent, IReadOnlyList<PortalBulkProblem> Problems);

/// <summary>A customer a bulk action skipped.</summary>
public sealed record PortalBulkProblem(long CustomerId, string? CustomerName, string Message);
