using System.Collections;
using System.Globalization;

namespace OrchardPortal.Liquid.Values;

/// <summary>An inclusive integer range, the value of <c>(start..end)</c>. Empty when end &lt; start.</summary>
public sealed class LiquidRange : IReadOnlyList<object?>
{
    public LiquidRange(long start, long end)
    {
        Start = start;
        End = end;
    }

    public long Start { get; }

    public long End { get; }

    /// <summary>Number of items; ranges longer than int.MaxValue report int.MaxValue (loop limits stop them far earlier).</summary>
    public int Count => End < Start ? 0 : (int)Math.Min(End - Start + 1, int.MaxValue);

    public long LongCount => End < Start ? 0 : End - Start + 1;

    public object? this[int index] => index >= 0 && index < Count ? BoxedValueCache.Box(Start + index) : null;

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = Start; i <= End; i++)
        {
            yield return BoxedValueCache.Box(i);
            if (i == long.MaxValue)
            {
                yield break;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        Start.ToString(CultureInfo.InvariantCulture) + ".." + End.ToString(CultureInfo.InvariantCulture);

    public override bool Equals(object? obj) => obj is LiquidRange other && other.Start == Start && other.End == End;

    public override int GetHashCode() => HashCode.Combine(Start, End);
}
