using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Brings a database up to the latest version of every module's <see cref="DataMigration"/>.
/// Versions are kept per module in <c>__op_schema_versions</c>; each step runs in its own transaction
/// together with its version bump, so a crash leaves the database at a clean step boundary.
/// </summary>
/// <remarks>
/// We write migrations by hand because the EF design-time package (which generates migration classes)
/// is not available; EF's runtime SQL generator still turns our provider-neutral operations into each
/// provider's DDL.
/// </remarks>
public sealed class SchemaMigrator(IEnumerable<DataMigration> migrations, ILogger<SchemaMigrator> logger)
{
    public const string VersionTable = "__op_schema_versions";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The latest version of each migration of a scope: what a fully migrated database reports.</summary>
    public IReadOnlyDictionary<string, int> LatestVersions(DatabaseScope scope) =>
        migrations.Where(m => m.Scope == scope).ToDictionary(m => m.Id, m => m.Steps.Count, StringComparer.Ordinal);

    public static async Task<IReadOnlyDictionary<string, int>> ReadVersionsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await EnsureVersionTableAsync(db, cancellationToken);
        var rows = await db.Database.SqlQueryRaw<VersionRow>($"SELECT module AS \"Module\", version AS \"Version\" FROM {VersionTable}")
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Module, r => r.Version, StringComparer.Ordinal);
    }

    /// <summary>Applies every pending step. Returns the number of steps applied.</summary>
    public async Task<int> MigrateAsync(PortalDbContext db, DatabaseScope scope, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() + "|" + db.SearchPath, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = await ReadVersionsAsync(db, cancellationToken);
            var applied = 0;
            foreach (var migration in migrations.Where(m => m.Scope == scope))
            {
                var from = current.GetValueOrDefault(migration.Id);
                for (var version = from + 1; version <= migration.Steps.Count; version++)
                {
                    await ApplyStepAsync(db, migration, version, cancellationToken);
                    applied++;
                }
            }

            return applied;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ApplyStepAsync(PortalDbContext db, DataMigration migration, int version, CancellationToken cancellationToken)
    {
        var builder = new MigrationBuilder(db.Database.ProviderName);
        migration.Steps[version - 1](builder);
        var generator = db.GetService<IMigrationsSqlGenerator>();
        var commands = generator.Generate(builder.Operations, db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Another node may be migrating the same schema: the second waits here, then finds nothing to do.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext(current_schema()))", cancellationToken);
            var now = await db.Database.SqlQueryRaw<int>($"SELECT version AS \"Value\" FROM {VersionTable} WHERE module = {{0}}", migration.Id)
                .ToListAsync(cancellationToken);
            if (now.Count > 0 && now[0] >= version)
            {
                return;
            }
        }

        foreach (var command in commands)
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {VersionTable} (module, version) VALUES ({{0}}, {{1}}) ON CONFLICT (module) DO UPDATE SET version = excluded.version",
            [migration.Id, version],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied {Module} schema step {Version}", migration.Id, version);
    }

    private static async Task EnsureVersionTableAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE IF NOT EXISTS {VersionTable} (module varchar(200) NOT NULL PRIMARY KEY, version integer NOT NULL)",
            cancellationToken);

    private sealed record VersionRow(string Module, int Version);
}
