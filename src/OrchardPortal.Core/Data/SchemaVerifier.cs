using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Compares a database's actual tables and columns with what the EF model expects. Because our
/// migrations are written by hand, this is the check that they and the model agree.
/// </summary>
public static class SchemaVerifier
{
    /// <summary>Every difference found, as readable lines; empty when the database matches the model.</summary>
    public static async Task<IReadOnlyList<string>> CompareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var actual = await ReadColumnsAsync(db, cancellationToken);
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            if (!actual.TryGetValue(table.Name, out var columns))
            {
                problems.Add($"Table {table.Name} is missing.");
                continue;
            }

            foreach (var column in table.Columns)
            {
                if (!columns.TryGetValue(column.Name, out var found))
                {
                    problems.Add($"Column {table.Name}.{column.Name} is missing.");
                    continue;
                }

                if (!string.Equals(Normalize(found.Type), Normalize(column.StoreType), StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"Column {table.Name}.{column.Name} is {found.Type}, the model expects {column.StoreType}.");
                }

                if (found.Nullable != column.IsNullable)
                {
                    problems.Add($"Column {table.Name}.{column.Name} is {(found.Nullable ? "" : "not ")}nullable, the model expects the opposite.");
                }
            }

            foreach (var extra in columns.Keys.Except(table.Columns.Select(c => c.Name)))
            {
                problems.Add($"Column {table.Name}.{extra} is not in the model.");
            }
        }

        var modelTables = db.Model.GetRelationalModel().Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(actual.Keys.Where(t => !modelTables.Contains(t) && t != SchemaMigrator.VersionTable).Select(t => $"Table {t} is not in the model."));
        return problems;
    }

    private static string Normalize(string type) => type.Replace(" ", "", StringComparison.Ordinal);

    private static async Task<Dictionary<string, Dictionary<string, (string Type, bool Nullable)>>> ReadColumnsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? """
              SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
              FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
              """
            : """
              SELECT m.name, p.name, p.type, p."notnull" = 0
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              """;
        var result = new Dictionary<string, Dictionary<string, (string, bool)>>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                if (!result.TryGetValue(table, out var columns))
                {
                    result[table] = columns = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
                }

                columns[reader.GetString(1)] = (reader.GetString(2), Convert.ToBoolean(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }
}
