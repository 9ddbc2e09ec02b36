namespace OrchardPortal.Liquid.Values;

/// <summary>
/// The <c>empty</c> literal. Compared with <c>==</c> it matches empty strings, arrays and hashes;
/// it renders as nothing.
/// </summary>
public sealed class EmptyValue
{
    private EmptyValue()
    {
    }

    public static EmptyValue Instance { get; } = new();

    public override string ToString() => string.Empty;
}

/// <summary>
/// The <c>blank</c> literal. Compared with <c>==</c> it matches nil, false, whitespace-only strings,
/// and empty arrays and hashes; it renders as nothing.
/// </summary>
public sealed class BlankValue
{
    private BlankValue()
    {
    }

    public static BlankValue Instance { get; } = new();

    public override string ToString() => string.Empty;
}
