namespace OrchardPortal.Liquid.Values;

/// <summary>
/// Operations on Liquid values shared by the renderer and the filters.
/// Value model: null = nil, bool, long (integer), double (float), string,
/// IList&lt;object?&gt; / IEnumerable (arrays), IDictionary&lt;string, object?&gt; (hashes),
/// LiquidRange, EmptyValue/BlankValue literals, and allow-listed objects.
/// </summary>
/// <remarks>Signatures fixed up front so filters and engine can be written in parallel; the engine owns the bodies.</remarks>
public static class LiquidValues
{
    /// <summary>Only nil and false are falsy.</summary>
    public static bool IsTruthy(object? value) => value is not null && value is not false;

    /// <summary>The text Liquid outputs for a value (Ruby <c>to_s</c> semantics: nil → "", arrays joined, floats like <c>1.0</c>).</summary>
    public static string ToOutputString(object? value) => throw new NotImplementedException();

    /// <summary>Liquid <c>==</c>.</summary>
    public static bool AreEqual(object? left, object? right) => throw new NotImplementedException();

    /// <summary>Liquid ordering for &lt; &gt; (numbers numerically, strings ordinally); null when not comparable.</summary>
    public static int? Compare(object? left, object? right) => throw new NotImplementedException();

    /// <summary>Converts to a number the way arithmetic filters do: long or double; strings parsed; otherwise 0.</summary>
    public static object ToNumber(object? value) => throw new NotImplementedException();

    /// <summary>Enumerates an array-like value (lists, ranges, hashes as [key, value] pairs); a scalar is a one-item sequence; nil is empty.</summary>
    public static IEnumerable<object?> ToEnumerable(object? value) => throw new NotImplementedException();

    /// <summary>Reads a property the way <c>a.b</c> / <c>a["b"]</c> does (hashes, allow-listed members, size/first/last).</summary>
    public static object? GetProperty(object? target, object? key, TemplateContext context) => throw new NotImplementedException();
}
