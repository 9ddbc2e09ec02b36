namespace OrchardPortal.Liquid.Values;

/// <summary>
/// Shared boxes for the values templates produce most often (loop indexes, counters, sizes, <c>forloop.first</c>),
/// so that <c>{% for i in (1..1000) %}</c> or <c>forloop.index</c> do not allocate a box on every iteration.
/// Boxes are immutable, so one instance can be handed to every render on every thread.
/// </summary>
internal static class BoxedValueCache
{
    private const long MinCached = -128;
    private const long MaxCached = 1023;

    private static readonly object[] Integers = CreateIntegers();

    public static readonly object True = true;
    public static readonly object False = false;

    /// <summary>The value as an object: a shared box in the cached range, a new one outside it.</summary>
    public static object Box(long value) =>
        (ulong)(value - MinCached) <= (ulong)(MaxCached - MinCached) ? Integers[value - MinCached] : value;

    public static object Box(bool value) => value ? True : False;

    private static object[] CreateIntegers()
    {
        var boxes = new object[MaxCached - MinCached + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = MinCached + i;
        }

        return boxes;
    }
}
