namespace OrchardPortal.Tenants.Operators;

/// <summary>A host-level account that runs the platform: sees every tenant, disables, enables and deletes them.</summary>
public sealed class OperatorAccount
{
    /// <summary>
    /// Assigned by us, not the database: the first operator always gets <see cref="FirstId"/>, so the
    /// primary key decides a race between two first-run setups just as the tenant name decides signups.
    /// </summary>
    public int Id { get; set; }

    public const int FirstId = 1;

    public required string Email { get; set; }

    public string Name { get; set; } = "";

    public required string PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntilUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? LastSignInUtc { get; set; }
}
