using System.Globalization;
using System.Text;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>
/// A request's parameters in Stripe's bracket syntax (<c>metadata[invoice]=INV-1</c>,
/// <c>payment_method_types[]=card</c>, <c>amounts[0]=32</c>,
/// <c>payment_method_options[us_bank_account][verification_method]=microdeposits</c>).
/// Requests carry a handful of parameters, so lookups scan a flat list instead of building a tree.
/// </summary>
public sealed class FormParams
{
    private readonly List<(string[] Path, string Value)> _pairs;
    private readonly List<KeyValuePair<string, string>> _raw;

    public FormParams(IEnumerable<KeyValuePair<string, string>> raw)
    {
        _raw = raw.ToList();
        _pairs = _raw.Select(p => (Split(p.Key), p.Value)).ToList();
    }

    public static FormParams Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Raw => _raw;

    /// <summary>
    /// The parameters as one string independent of the order keys arrived in (values of one key
    /// keep their order, since list order is meaningful): what idempotency compares.
    /// </summary>
    public string Canonical()
    {
        var builder = new StringBuilder();
        foreach (var pair in _raw.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(pair.Key).Append('=').Append(pair.Value).Append('&');
        }

        return builder.ToString();
    }

    public IEnumerable<string> TopLevelKeys => _pairs.Select(p => p.Path[0]).Distinct(StringComparer.Ordinal);

    public bool Has(params string[] path) => _pairs.Any(p => StartsWith(p.Path, path));

    /// <summary>The scalar at exactly this path, or null when absent.</summary>
    public string? Get(params string[] path)
    {
        foreach (var (key, value) in _pairs)
        {
            if (key.Length == path.Length && StartsWith(key, path))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Values of a list given as <c>x[]=a&amp;x[]=b</c> or <c>x[0]=a&amp;x[1]=b</c>.</summary>
    public IReadOnlyList<string> GetList(string name)
    {
        var items = new List<(int Index, int Order, string Value)>();
        for (var i = 0; i < _pairs.Count; i++)
        {
            var (key, value) = _pairs[i];
            if (key.Length != 2 || key[0] != name)
            {
                continue;
            }

            var index = int.TryParse(key[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
            items.Add((index, i, value));
        }

        return items.OrderBy(x => x.Index).ThenBy(x => x.Order).Select(x => x.Value).ToList();
    }

    /// <summary>A hash such as <c>metadata[key]=value</c>; an empty value deletes the key in Stripe.</summary>
    public IReadOnlyDictionary<string, string>? GetMap(string name)
    {
        Dictionary<string, string>? map = null;
        foreach (var (key, value) in _pairs)
        {
            if (key[0] != name)
            {
                continue;
            }

            map ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (key.Length == 2)
            {
                map[key[1]] = value;
            }
        }

        return map;
    }

    public IReadOnlyList<string> Expand() => GetList("expand");

    private static bool StartsWith(string[] key, string[] path)
    {
        if (key.Length < path.Length)
        {
            return false;
        }

        for (var i = 0; i < path.Length; i++)
        {
            if (!string.Equals(key[i], path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"a[b][]" becomes ["a", "b", ""].</summary>
    private static string[] Split(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [key];
        }

        var parts = new List<string> { key[..open] };
        var position = open;
        while (position < key.Length && key[position] == '[')
        {
            var close = key.IndexOf(']', position);
            if (close < 0)
            {
                break;
            }

            parts.Add(key[(position + 1)..close]);
            position = close + 1;
        }

        return parts.ToArray();
    }
}
