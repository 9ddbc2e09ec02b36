using System.Globalization;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid.Tags;

/// <summary>
/// The items a <c>for</c> or <c>tablerow</c> visits after <c>offset</c>/<c>limit</c>/<c>reversed</c>, without copying:
/// lists are indexed in place and ranges are computed, so <c>(1..100000000) limit: 3</c> costs three iterations.
/// </summary>
internal readonly struct LoopSegment
{
    private readonly IList<object?>? _list;
    private readonly long _rangeStart;
    private readonly long _first;
    private readonly bool _reversed;

    private LoopSegment(IList<object?>? list, long rangeStart, long first, long count, bool reversed)
    {
        _list = list;
        _rangeStart = rangeStart;
        _first = first;
        Count = count;
        _reversed = reversed;
    }

    public long Count { get; }

    /// <summary>Index just past the segment in the whole collection, remembered for <c>offset: continue</c>.</summary>
    public long End => _first + Count;

    public object? this[long index]
    {
        get
        {
            var position = _first + (_reversed ? Count - 1 - index : index);
            if (_list is null)
            {
                return BoxedValueCache.Box(_rangeStart + position);
            }

            // A ListAdapter (a host list such as List<Product>) normalizes its items itself; doing it twice would put
            // every host object through the normalizer's whole type switch a second time.
            var item = _list[(int)position];
            return _list is ListAdapter ? item : ValueNormalizer.Normalize(item);
        }
    }

    public static LoopSegment Create(object? collection, long from, long? limit, bool reversed)
    {
        IList<object?>? list = null;
        long rangeStart = 0;
        long total;
        switch (collection)
        {
            case IList<object?> items:
                list = items;
                total = items.Count;
                break;
            case LiquidRange range:
                rangeStart = range.Start;
                total = range.LongCount;
                break;
            case IDictionary<string, object?> hash:
                list = [.. LiquidValues.ToEnumerable(hash)];
                total = list.Count;
                break;
            case string { Length: > 0 } text:
                list = [text];
                total = 1;
                break;
            default:
                total = 0;
                break;
        }

        var first = Math.Clamp(from, 0, total);
        var end = limit is { } l ? Math.Clamp(first + Math.Max(l, 0), first, total) : total;
        return new LoopSegment(list, rangeStart, first, end - first, reversed);
    }

    /// <summary>Converts a <c>limit</c>/<c>offset</c> value the way Ruby's <c>Integer()</c> does; nil means "not given".</summary>
    public static long? ToInteger(object? value, string attribute)
    {
        switch (value)
        {
            case null:
                return null;
            case long l:
                return l;
            case string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new LiquidRenderException($"Invalid integer for '{attribute}': {LiquidValues.ToOutputString(value)}.");
        }
    }
}
