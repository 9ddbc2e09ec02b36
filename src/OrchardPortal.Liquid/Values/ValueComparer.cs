using System.Collections;

namespace OrchardPortal.Liquid.Values;

/// <summary>Liquid equality and ordering.</summary>
internal static class ValueComparer
{
    public static bool AreEqual(object? left, object? right) => AreEqual(left, right, 0);

    public static int? Compare(object? left, object? right)
    {
        left = ValueNormalizer.Normalize(left);
        right = ValueNormalizer.Normalize(right);
        switch (left)
        {
            case long l when right is long r:
                return l.CompareTo(r);
            case long l when right is double r:
                return double.IsNaN(r) ? null : ((double)l).CompareTo(r);
            case double l when right is long r:
                return double.IsNaN(l) ? null : l.CompareTo((double)r);
            case double l when right is double r:
                return double.IsNaN(l) || double.IsNaN(r) ? null : l.CompareTo(r);
            case string l when right is string r:
                return Math.Sign(string.CompareOrdinal(l, r));
            case DateTimeOffset l when right is DateTimeOffset r:
                return l.CompareTo(r);
            case DateTime l when right is DateTime r:
                return l.CompareTo(r);
            default:
                return null;
        }
    }

    /// <summary>True for the empty string, empty arrays and empty hashes (Ruby <c>empty?</c>).</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        string s => s.Length == 0,
        ICollection<KeyValuePair<string, object?>> hash => hash.Count == 0,
        ICollection<object?> list => list.Count == 0,
        LiquidRange range => range.Count == 0,
        ICollection collection => collection.Count == 0,
        _ => false,
    };

    /// <summary>True for nil, false, whitespace-only strings and empty collections (Rails <c>blank?</c>, which Liquid's <c>blank</c> follows).</summary>
    public static bool IsBlank(object? value) => value switch
    {
        null => true,
        bool b => !b,
        string s => string.IsNullOrWhiteSpace(s),
        _ => IsEmpty(value),
    };

    private static bool AreEqual(object? left, object? right, int depth)
    {
        if (left is EmptyValue)
        {
            return right is not EmptyValue and not BlankValue && IsEmpty(ValueNormalizer.Normalize(right));
        }

        if (left is BlankValue)
        {
            return right is not EmptyValue and not BlankValue && IsBlank(ValueNormalizer.Normalize(right));
        }

        if (right is EmptyValue or BlankValue)
        {
            return AreEqual(right, left, depth);
        }

        if (ReferenceEquals(left, right))
        {
            return true;
        }

        left = ValueNormalizer.Normalize(left);
        right = ValueNormalizer.Normalize(right);
        switch (left)
        {
            case null:
                return right is null;
            case string ls:
                return right is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case long ll:
                return right switch { long rl => ll == rl, double rd => ll == rd, _ => false };
            case double ld:
                return right switch { long rl => ld == rl, double rd => ld == rd, _ => false };
            case bool lb:
                return right is bool rb && lb == rb;
            case LiquidRange lr:
                return right is LiquidRange rr && lr.Equals(rr);
        }

        if (depth > 64)
        {
            return false;
        }

        if (left is IDictionary<string, object?> leftHash)
        {
            return right is IDictionary<string, object?> rightHash && HashesEqual(leftHash, rightHash, depth);
        }

        if (left is IList<object?> leftList)
        {
            return right is IList<object?> rightList && ListsEqual(leftList, rightList, depth);
        }

        return Equals(left, right);
    }

    private static bool HashesEqual(IDictionary<string, object?> left, IDictionary<string, object?> right, int depth)
    {
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
    }

    private static bool ListsEqual(IList<object?> left, IList<object?> right, int depth)
    {
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
    }
}
