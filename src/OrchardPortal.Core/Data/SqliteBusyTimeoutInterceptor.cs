using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrchardPortal.Core.Data;

/// <summary>
/// Lets SQLite itself wait (in short, growing sleeps) when another connection holds the write lock,
/// instead of failing at once and leaving the retry to the ADO.NET provider's coarser loop: concurrent
/// writers to one tenant file (several outbox sends at once) then queue for milliseconds, not longer.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
