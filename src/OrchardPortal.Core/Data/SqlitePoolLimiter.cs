using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Microsoft.Data.Sqlite keeps one pool of open connections per connection string. With one file per
/// tenant that would keep a file handle open for every tenant ever served; this keeps pools only for
/// the most recently used tenants and clears the pool of the least recently used one beyond the limit.
/// </summary>
public sealed class SqlitePoolLimiter(IOptions<StorageOptions> options)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<string> _recent = new();
    private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);

    public int OpenPools
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    public void Touch(string connectionString)
    {
        string? evicted = null;
        lock (_gate)
        {
            if (_nodes.TryGetValue(connectionString, out var node))
            {
                if (node != _recent.First)
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                }

                return;
            }

            _nodes[connectionString] = _recent.AddFirst(connectionString);
            if (_nodes.Count > Math.Max(1, options.Value.MaxOpenSqliteTenants))
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _nodes.Remove(last.Value);
                evicted = last.Value;
            }
        }

        if (evicted is not null)
        {
            ClearPool(evicted);
        }
    }

    public void Release(string connectionString)
    {
        lock (_gate)
        {
            if (_nodes.Remove(connectionString, out var node))
            {
                _recent.Remove(node);
            }
        }

        ClearPool(connectionString);
    }

    private static void ClearPool(string connectionString)
    {
        // Connections in use are closed when returned; idle ones are closed now.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
