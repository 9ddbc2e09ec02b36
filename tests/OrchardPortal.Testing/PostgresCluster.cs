using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace OrchardPortal.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test process: <c>initdb</c> into a temp dir,
/// started with <c>pg_ctl</c> on a free 127.0.0.1 port, trust auth, durability off for speed.
/// Started at most once per process (on first use) and stopped and deleted when the process
/// exits, even if it is killed. Each test should create its own database or schema.
/// </summary>
public sealed partial class PostgresCluster
{
    private const string SuperUser = "postgres";
    private const int StartAttempts = 5;

    private static readonly Lazy<Task<PostgresCluster>> Shared =
        new(() => Task.Run(() => StartAsync(CancellationToken.None)), LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresCluster(string rootDirectory, int port, TimeSpan startupTime, string serverVersion)
    {
        RootDirectory = rootDirectory;
        Port = port;
        StartupTime = startupTime;
        ServerVersion = serverVersion;
        ConnectionString = ConnectionStringFor("postgres");
    }

    /// <summary>Always 127.0.0.1: the cluster listens on loopback only.</summary>
    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    /// <summary>Superuser <c>postgres</c> on the <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>Temp directory holding the data dir, the unix socket and <c>postgres.log</c>.</summary>
    public string RootDirectory { get; }

    /// <summary>How long initdb plus start took, for the harness's own reporting.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The server's <c>server_version</c>, e.g. <c>15.18 (Debian 15.18-0+deb12u1)</c>.</summary>
    public string ServerVersion { get; }

    /// <summary>
    /// The process-wide cluster, started on first call. A failed start is cached too, so every
    /// test that needs PostgreSQL fails fast with the same message instead of retrying.
    /// </summary>
    public static Task<PostgresCluster> GetAsync(CancellationToken cancellationToken = default) =>
        Shared.Value.WaitAsync(cancellationToken);

    /// <summary>Superuser connection string for another database on this cluster.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates database <paramref name="name"/> and returns its connection string.</summary>
    /// <param name="name">Lower-case letters, digits and underscores, starting with a letter or underscore.</param>
    /// <param name="cancellationToken">Cancels the CREATE DATABASE.</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9, _; at most 63).", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // The name was validated above, so quoting it is enough; CREATE DATABASE takes no parameters.
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Creates a database with a unique name starting with <paramref name="prefix"/>.</summary>
    public Task<string> CreateUniqueDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync($"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)], cancellationToken);

    private static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var binDirectory = FindBinDirectory();
        var asRoot = Environment.IsPrivilegedProcess;
        var root = Directory.CreateTempSubdirectory("orchardportal-pg-").FullName;
        var data = Path.Combine(root, "data");
        var log = Path.Combine(root, "postgres.log");
        var pgCtl = Path.Combine(binDirectory, "pg_ctl");

        ExitCleanup.Register(
            () => StopAndDelete(pgCtl, data, root, asRoot),
            $"{PostgresCommandPrefix(asRoot)} {ExitCleanup.Quote(pgCtl)} -D {ExitCleanup.Quote(data)} -m immediate -w stop; rm -rf {ExitCleanup.Quote(root)}");

        if (asRoot)
        {
            // PostgreSQL refuses to run as root, so the cluster belongs to the postgres OS user.
            (await CommandRunner.RunAsync("chown", ["postgres:postgres", root], root, TimeSpan.FromSeconds(30), cancellationToken))
                .EnsureSuccess();
        }

        (await RunAsPostgresAsync(
            asRoot,
            Path.Combine(binDirectory, "initdb"),
            ["-D", data, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            root,
            TimeSpan.FromMinutes(2),
            cancellationToken)).EnsureSuccess();

        await WriteConfigurationAsync(data, root, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var start = await RunAsPostgresAsync(
                asRoot,
                pgCtl,
                ["-D", data, "-l", log, "-w", "-t", "60", "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}", "start"],
                root,
                TimeSpan.FromSeconds(90),
                cancellationToken);
            if (start.ExitCode == 0)
            {
                var version = await QueryVersionAsync(port, cancellationToken);
                return new PostgresCluster(root, port, stopwatch.Elapsed, version);
            }

            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : "(no log)";
            // Another process may grab the port between FreePort and the bind; only that is retried.
            if (attempt < StartAttempts && serverLog.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new InvalidOperationException(
                $"PostgreSQL did not start (`{start.Command}` exited with {start.ExitCode}).\n{start.Output}\nServer log:\n{serverLog}");
        }
    }

    private static async Task WriteConfigurationAsync(string data, string root, CancellationToken cancellationToken)
    {
        // Only loopback TCP and the private socket directory; trust is safe because nothing else
        // can reach either.
        await File.WriteAllTextAsync(
            Path.Combine(data, "pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\n",
            cancellationToken);

        // A test cluster trades durability for speed: a crash loses it anyway.
        await File.AppendAllTextAsync(
            Path.Combine(data, "postgresql.conf"),
            $"""

            # OrchardPortal.Testing
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{root}'
            max_connections = 200
            shared_buffers = 64MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            log_min_messages = warning
            """,
            cancellationToken);
    }

    private static async Task<string> QueryVersionAsync(int port, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = SuperUser, Database = "postgres" }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static Task<CommandResult> RunAsPostgresAsync(
        bool asRoot, string program, string[] arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
        asRoot
            ? CommandRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], workingDirectory, timeout, cancellationToken)
            : CommandRunner.RunAsync(program, arguments, workingDirectory, timeout, cancellationToken);

    private static string PostgresCommandPrefix(bool asRoot) => asRoot ? "runuser -u postgres --" : string.Empty;

    private static void StopAndDelete(string pgCtl, string data, string root, bool asRoot)
    {
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            RunAsPostgresAsync(asRoot, pgCtl, ["-D", data, "-m", "immediate", "-w", "-t", "10", "stop"], root, TimeSpan.FromSeconds(15), CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string FindBinDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable("ORCHARDPORTAL_PG_BIN");
        if (!string.IsNullOrEmpty(overridden))
        {
            return HasServerBinaries(overridden)
                ? overridden
                : throw new InvalidOperationException($"ORCHARDPORTAL_PG_BIN={overridden} holds no initdb/pg_ctl.");
        }

        const string Root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: Version.TryParse(NormalizeVersion(Path.GetFileName(dir)), out var v) ? v : null))
                .Where(c => c.Version is not null && HasServerBinaries(c.Dir))
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        if (candidates.Count > 0)
        {
            return candidates[0].Dir;
        }

        var hint = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? "CI installs them with scripts/install-test-deps.sh; that step did not run or did not install postgresql."
            : "Install them with `sudo apt-get install -y postgresql` (or run scripts/install-test-deps.sh as root).";
        throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found under {Root}/*/bin. Tests that need PostgreSQL cannot run. {hint}");
    }

    // Debian names the folders "15", "16"...; Version.Parse needs a minor part.
    private static string NormalizeVersion(string name) => name.Contains('.', StringComparison.Ordinal) ? name : name + ".0";

    private static bool HasServerBinaries(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
