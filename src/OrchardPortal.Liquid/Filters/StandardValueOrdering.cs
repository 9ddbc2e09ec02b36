namespace OrchardPortal.Liquid.Filters;

/// <summary>Ordering for <c>sort</c> and <c>sort_natural</c>: Ruby's <c>&lt;=&gt;</c> and <c>casecmp</c>, and a stable sort.</summary>
internal static class StandardValueOrdering
{
    private const int MaxDepth = 64;

    /// <summary>Ruby <c>a &lt;=&gt; b</c>; null when the two values cannot be ordered.</summary>
    public static int? Compare(object? a, object? b, int depth = 0)
    {
        switch (a)
        {
            case null:
                return b is null ? 0 : null;
            case long or double when b is long or double:
                var x = StandardFilterNumbers.ToDouble(a);
                var y = StandardFilterNumbers.ToDouble(b);
                return double.IsNaN(x) || double.IsNaN(y) ? null : StandardFilterNumbers.CompareNumbers(a, b);
            case string left when b is string right:
                return Math.Sign(string.CompareOrdinal(left, right));
            case IList<object?> left when b is IList<object?> right && depth < MaxDepth:
                return CompareLists(left, right, depth);
            case DateTimeOffset left when b is DateTimeOffset right:
                return left.CompareTo(right);
            case DateTime left when b is DateTime right:
                return left.CompareTo(right);
            default:
                return ReferenceEquals(a, b) || a.Equals(b) ? 0 : null;
        }
    }

    private static int? CompareLists(IList<object?> left, IList<object?> right, int depth)
    {
        var shared = Math.Min(left.Count, right.Count);
        for (var i = 0; i < shared; i++)
        {
            var result = Compare(left[i], right[i], depth + 1);
            if (result != 0)
            {
                return result;
            }
        }

        return left.Count.CompareTo(right.Count);
    }

    /// <summary>Sorts nil after everything else; values Ruby cannot order are an error.</summary>
    public static int NilSafeCompare(object? a, object? b)
    {
        var result = Compare(a, b);
        if (result is { } order)
        {
            return order;
        }

        if (a is null)
        {
            return 1;
        }

        if (b is null)
        {
            return -1;
        }

        throw new LiquidRenderException("Liquid error: sort: cannot sort values of incompatible types");
    }

    /// <summary>Case-insensitive (ASCII) comparison of the values' text, nil last.</summary>
    public static int NilSafeCaseCompare(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null ? 1 : -1;
        }

        var left = StandardFilterValues.ToText(a);
        var right = StandardFilterValues.ToText(b);
        var shared = Math.Min(left.Length, right.Length);
        for (var i = 0; i < shared; i++)
        {
            var difference = FoldAscii(left[i]) - FoldAscii(right[i]);
            if (difference != 0)
            {
                return Math.Sign(difference);
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int FoldAscii(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;

    /// <summary>
    /// A stable merge sort. <see cref="Array.Sort(Array)"/> is unstable and wraps comparer exceptions, which
    /// would hide the "incompatible types" message from the template author.
    /// </summary>
    public static void StableSort(KeyValuePair<object?, object?>[] entries, Comparison<object?> compareKeys)
    {
        if (entries.Length < 2)
        {
            return;
        }

        var buffer = new KeyValuePair<object?, object?>[entries.Length];
        for (var width = 1; width < entries.Length; width *= 2)
        {
            for (var start = 0; start < entries.Length; start += 2 * width)
            {
                var middle = Math.Min(start + width, entries.Length);
                var end = Math.Min(start + (2 * width), entries.Length);
                Merge(entries, buffer, start, middle, end, compareKeys);
            }

            Array.Copy(buffer, entries, entries.Length);
        }
    }

    private static void Merge(
        KeyValuePair<object?, object?>[] source,
        KeyValuePair<object?, object?>[] target,
        int start,
        int middle,
        int end,
        Comparison<object?> compareKeys)
    {
        int left = start, right = middle, output = start;
        while (left < middle && right < end)
        {
            target[output++] = compareKeys(source[right].Key, source[left].Key) < 0 ? source[right++] : source[left++];
        }

        while (left < middle)
        {
            target[output++] = source[left++];
        }

        while (right < end)
        {
            target[output++] = source[right++];
        }
    }
}
