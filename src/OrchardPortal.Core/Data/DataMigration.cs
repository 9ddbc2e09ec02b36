using Microsoft.EntityFrameworkCore.Migrations;

namespace OrchardPortal.Core.Data;

/// <summary>
/// A module's schema history as ordered, provider-neutral steps (version = position + 1).
/// Steps are written with EF's <see cref="MigrationBuilder"/> without store types, so the
/// active provider (SQLite or PostgreSQL) picks them from the CLR types. Steps are append-only:
/// never edit a released step; add a new one.
/// </summary>
public abstract class DataMigration
{
    /// <summary>Key in the schema-version table; by convention the module id.</summary>
    public abstract string Id { get; }

    public abstract DatabaseScope Scope { get; }

    public abstract IReadOnlyList<Action<MigrationBuilder>> Steps { get; }
}
