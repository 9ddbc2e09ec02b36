using Npgsql;
using Xunit.Abstractions;

namespace OrchardPortal.Testing.Tests;

public sealed class PostgresClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Cluster_accepts_connections_and_answers_queries()
    {
        var cluster = await PostgresCluster.GetAsync();
        output.WriteLine($"PostgreSQL {cluster.ServerVersion} on port {cluster.Port}, started in {cluster.StartupTime.TotalMilliseconds:F0} ms");

        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();

        Assert.Equal(42, await ScalarAsync<int>(connection, "SELECT 40 + 2"));
        Assert.Equal("127.0.0.1", await ScalarAsync<string>(connection, "SHOW listen_addresses"));
        Assert.Equal("off", await ScalarAsync<string>(connection, "SHOW fsync"));
        Assert.True(await ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
    }

    [Fact]
    public async Task A_created_database_is_its_own_and_holds_data()
    {
        var cluster = await PostgresCluster.GetAsync();

        var connectionString = await cluster.CreateUniqueDatabaseAsync("harness");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Assert.Equal(name, await ScalarAsync<string>(connection, "SELECT current_database()"));
        await ScalarAsync<int>(connection, "CREATE TABLE visit (id int PRIMARY KEY, note text); SELECT 0");
        await ScalarAsync<int>(connection, "INSERT INTO visit VALUES (1, 'mowed'), (2, 'edged'); SELECT 0");
        Assert.Equal(2L, await ScalarAsync<long>(connection, "SELECT count(*) FROM visit"));
    }

    [Fact]
    public async Task Creating_a_database_rejects_names_that_would_need_quoting()
    {
        var cluster = await PostgresCluster.GetAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => cluster.CreateDatabaseAsync("x\"; DROP DATABASE postgres; --"));
    }

    [Fact]
    public async Task The_cluster_is_started_once_per_process()
    {
        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostgresCluster.GetAsync()));

        Assert.All(all, cluster => Assert.Same(all[0], cluster));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
