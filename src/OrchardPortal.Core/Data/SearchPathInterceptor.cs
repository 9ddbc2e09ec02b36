using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Points a pooled PostgreSQL connection at the context's schema (<see cref="PortalDbContext.SearchPath"/>)
/// each time EF opens it, so every tenant on a server shares one pool. Npgsql resets session state when a
/// connection returns to the pool, and the path is set again on every open, so a schema never leaks.
/// One instance serves every context: per-tenant interceptor instances would defeat EF's service caching.
/// </summary>
internal sealed class SearchPathInterceptor : DbConnectionInterceptor
{
    public static SearchPathInterceptor Instance { get; } = new();

    private static string Sql(ConnectionEndEventData eventData) =>
        eventData.Context is PortalDbContext context
            ? $"SET search_path TO \"{context.SearchPath}\""
            : throw new InvalidOperationException("The search-path interceptor serves portal contexts only.");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql(eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
