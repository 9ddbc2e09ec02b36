namespace OrchardPortal.Tenants.ApiKeys;

/// <summary>A credential for the operator JSON API. Only the SHA-256 hash of the key is stored.</summary>
public sealed class OperatorApiKey
{
    public Guid Id { get; set; }

    /// <summary>What the operator called it ("CI", "billing sync").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown in lists so a key can be recognised without being stored.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string KeyHash { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? LastUsedUtc { get; set; }

    public DateTimeOffset? RevokedUtc { get; set; }
}
