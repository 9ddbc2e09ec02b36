using Microsoft.Data.Sqlite;
using OrchardPortal.Testing;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>
/// A fresh App_Data folder per run (and, for PostgreSQL, a fresh database on the throwaway cluster
/// from <see cref="PostgresCluster"/>), plus the configuration that points a host at them.
/// Disposing deletes the folder; the cluster is stopped and deleted when this process exits.
/// </summary>
internal sealed class BenchStorage : IDisposable
{
    private BenchStorage(bool postgres, string appDataPath, string? connectionString)
    {
        IsPostgres = postgres;
        AppDataPath = appDataPath;
        ConnectionString = connectionString;
    }

    public bool IsPostgres { get; }

    public string AppDataPath { get; }

    public string? ConnectionString { get; }

    public string ProviderName => IsPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>Configuration keys the host reads (same for in-process and child-process hosts).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Storage:AppDataPath"] = AppDataPath,
        ["Storage:Provider"] = IsPostgres ? "Postgres" : "Sqlite",
        ["Storage:ConnectionString"] = ConnectionString,
        // Information logging writes a line per signup; the console is not what is being measured.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    public static async Task<BenchStorage> CreateAsync(bool postgres, string label)
    {
        var appData = Directory.CreateTempSubdirectory($"orchardportal-bench-{label}-").FullName;
        if (!postgres)
        {
            return new BenchStorage(false, appData, null);
        }

        var cluster = await PostgresCluster.GetAsync();
        var connectionString = await cluster.CreateUniqueDatabaseAsync("bench");
        return new BenchStorage(true, appData, connectionString);
    }

    /// <summary>What the PostgreSQL cluster is, for the report.</summary>
    public static async Task<string> DescribeServerAsync(bool postgres)
    {
        if (!postgres)
        {
            return "SQLite " + SqliteVersion();
        }

        var cluster = await PostgresCluster.GetAsync();
        return $"PostgreSQL {cluster.ServerVersion} (throwaway cluster on 127.0.0.1:{cluster.Port}, fsync=off, synchronous_commit=off)";
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(AppDataPath, recursive: true);
        }
        catch (IOException exception)
        {
            Console.WriteLine($"  (could not delete {AppDataPath}: {exception.Message})");
        }
        catch (UnauthorizedAccessException exception)
        {
            Console.WriteLine($"  (could not delete {AppDataPath}: {exception.Message})");
        }
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }
}
