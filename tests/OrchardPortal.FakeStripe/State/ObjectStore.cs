namespace OrchardPortal.FakeStripe.State;

/// <summary>
/// One kind of object in an account, by id and in creation order (Stripe lists newest first).
/// Not thread-safe: callers hold the account's lock.
/// </summary>
public sealed class ObjectStore<T>
    where T : class
{
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
    private readonly List<T> _ordered = [];
    private readonly Func<T, string> _id;

    public ObjectStore(Func<T, string> id)
    {
        _id = id;
    }

    public int Count => _ordered.Count;

    public IReadOnlyList<T> InCreationOrder => _ordered;

    public void Add(T item)
    {
        _byId.Add(_id(item), item);
        _ordered.Add(item);
    }

    public bool TryGet(string id, out T item) => _byId.TryGetValue(id, out item!);

    /// <summary>
    /// A page of a list endpoint: newest first, <paramref name="limit"/> items after the
    /// <paramref name="startingAfter"/> cursor; returns whether more remain.
    /// </summary>
    public (List<T> Items, bool HasMore) Page(Func<T, bool> filter, int limit, string? startingAfter)
    {
        var items = new List<T>(Math.Min(limit, 16));
        var started = startingAfter is null;
        for (var i = _ordered.Count - 1; i >= 0; i--)
        {
            var item = _ordered[i];
            if (!started)
            {
                started = string.Equals(_id(item), startingAfter, StringComparison.Ordinal);
                continue;
            }

            if (!filter(item))
            {
                continue;
            }

            if (items.Count == limit)
            {
                return (items, true);
            }

            items.Add(item);
        }

        return (items, false);
    }
}
