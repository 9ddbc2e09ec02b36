using System.Collections;

namespace OrchardPortal.Liquid.Values;

/// <summary>
/// A read-only <c>IList&lt;object?&gt;</c> view of a host list of another element type (<c>List&lt;Product&gt;</c>,
/// <c>int[]</c>), so passing a list to a template costs one small object instead of a copy.
/// Items are converted to Liquid values as they are read.
/// </summary>
internal sealed class ListAdapter : IList<object?>, IReadOnlyList<object?>
{
    private readonly IList _inner;

    public ListAdapter(IList inner)
    {
        _inner = inner;
    }

    public int Count => _inner.Count;

    public bool IsReadOnly => true;

    public object? this[int index]
    {
        get => ValueNormalizer.Normalize(_inner[index]);
        set => throw new NotSupportedException("Liquid values are read-only.");
    }

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < _inner.Count; i++)
        {
            yield return ValueNormalizer.Normalize(_inner[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(object? item)
    {
        for (var i = 0; i < _inner.Count; i++)
        {
            if (Equals(this[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Contains(object? item) => IndexOf(item) >= 0;

    public void CopyTo(object?[] array, int arrayIndex)
    {
        for (var i = 0; i < _inner.Count; i++)
        {
            array[arrayIndex + i] = this[i];
        }
    }

    public void Add(object? item) => throw new NotSupportedException("Liquid values are read-only.");

    public void Clear() => throw new NotSupportedException("Liquid values are read-only.");

    public void Insert(int index, object? item) => throw new NotSupportedException("Liquid values are read-only.");

    public bool Remove(object? item) => throw new NotSupportedException("Liquid values are read-only.");

    public void RemoveAt(int index) => throw new NotSupportedException("Liquid values are read-only.");
}
