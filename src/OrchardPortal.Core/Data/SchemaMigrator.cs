using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Brings a database up to the latest version of every module's <see cref="DataMigration"/>.
/// Versions are kept per module in <c>__op_schema_versions</c>; all pending steps and their version bumps
/// run in one transaction, so a crash leaves the database at the version it had.
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

    /// <summary>
    /// Applies every pending step in one transaction, with the version bumps: a crash or a failing step
    /// leaves the database exactly as it was. Returns the number of steps applied.
    /// </summary>
    public async Task<int> MigrateAsync(PortalDbContext db, DatabaseScope scope, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() + "|" + db.SearchPath, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Pending(await ReadVersionsAsync(db, cancellationToken), scope).Count == 0)
            {
                return 0;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // Another node may be migrating the same schema: the second waits here, then finds nothing to do.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext(current_schema()))", cancellationToken);
            }

            var pending = Pending(await ReadVersionsAsync(db, cancellationToken), scope);
            var generator = db.GetService<IMigrationsSqlGenerator>();
            var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
            foreach (var (migration, version) in pending)
            {
                var builder = new MigrationBuilder(db.Database.ProviderName);
                migration.Steps[version - 1](builder);
                foreach (var command in generator.Generate(builder.Operations, model))
                {
                    await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
                }
            }

            foreach (var group in pending.GroupBy(p => p.Migration.Id))
            {
                await db.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO {VersionTable} (module, version) VALUES ({{0}}, {{1}}) ON CONFLICT (module) DO UPDATE SET version = excluded.version",
                    [group.Key, group.Max(p => p.Version)],
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied {Count} schema steps", pending.Count);
            return pending.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    private List<(DataMigration Migration, int Version)> Pending(IReadOnlyDictionary<string, int> current, DatabaseScope scope) =>
        migrations.Where(m => m.Scope == scope)
            .SelectMany(m => Enumerable.Range(current.GetValueOrDefault(m.Id) + 1, Math.Max(0, m.Steps.Count - current.GetValueOrDefault(m.Id))).Select(v => (m, v)))
            .ToList();

    private static async Task EnsureVersionTableAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE IF NOT EXISTS {VersionTable} (module varchar(200) NOT NULL PRIMARY KEY, version integer NOT NULL)",
            cancellationToken);

    private sealed record VersionRow(string Module, int Version);
}
