namespace OrchardPortal.Liquid.Filters;

/// <summary>
/// Ruby's <c>eql?</c>/<c>hash</c> pair, used by <c>uniq</c>: values are equal when they have the same type and
/// content (so 1 and 1.0 differ), and arrays and hashes compare by content.
/// </summary>
internal sealed class StandardValueEquality : IEqualityComparer<object?>
{
    private const int MaxDepth = 64;

    public static StandardValueEquality Instance { get; } = new();

    public new bool Equals(object? x, object? y) => AreEqual(x, y, 0);

    public int GetHashCode(object? obj) => obj switch
    {
        null => 0,
        IList<object?> list => HashCode.Combine(list.Count, 31),
        IDictionary<string, object?> hash => HashCode.Combine(hash.Count, 17),
        _ => obj.GetHashCode(),
    };

    private static bool AreEqual(object? x, object? y, int depth)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || depth > MaxDepth)
        {
            return false;
        }

        switch (x)
        {
            case IList<object?> left when y is IList<object?> right:
                if (left.Count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!AreEqual(left[i], right[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IDictionary<string, object?> left when y is IDictionary<string, object?> right:
                if (left.Count != right.Count)
                {
                    return false;
                }

                foreach (var pair in left)
                {
                    if (!right.TryGetValue(pair.Key, out var other) || !AreEqual(pair.Value, other, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return x.Equals(y);
        }
    }
}
