namespace OrchardPortal.Tenants.Operators;

/// <summary>Bound from the <c>Operator</c> configuration section.</summary>
public sealed class OperatorOptions
{
    /// <summary>With <see cref="Password"/>: the operator account created at start-up (first run only).</summary>
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Name { get; set; }

    /// <summary>An API key accepted in addition to the keys created in the operator area.</summary>
    public string? ApiKey { get; set; }
}
