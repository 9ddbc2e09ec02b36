using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Core.Email;

/// <summary>
/// Tells the dispatcher about new outbox rows once they are committed, never before: a dispatcher
/// woken before the commit would find nothing (or rows about to be rolled back). A save outside an
/// explicit transaction has committed when it returns; inside one, the signal waits for the commit
/// and is dropped on rollback. Before the first mail of a tenant is saved, the tenant is marked in the
/// host database (<see cref="OutboxMarks"/>) so a restarted process finds it. One instance per tenant
/// context (it holds that context's pending flag).
/// </summary>
internal sealed class OutboxCommitInterceptor(TenantScope tenantScope, OutboxSchedule schedule, OutboxMarks marks)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _savingOutboxRows;
    private bool _signalOnCommit;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _savingOutboxRows = HasNewOutboxRows(eventData.Context);
        if (_savingOutboxRows)
        {
            // Synchronous saves are rare (none in the product); blocking once per tenant per process is acceptable.
            marks.EnsureAsync(tenantScope.Required.Name, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _savingOutboxRows = HasNewOutboxRows(eventData.Context);
        if (_savingOutboxRows)
        {
            await marks.EnsureAsync(tenantScope.Required.Name, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _savingOutboxRows = false;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _savingOutboxRows = false;
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _signalOnCommit = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _signalOnCommit = false;
        return Task.CompletedTask;
    }

    private static bool HasNewOutboxRows(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);

    private void AfterSave(DbContext? context)
    {
        if (!_savingOutboxRows || context is null)
        {
            return;
        }

        _savingOutboxRows = false;
        if (context.Database.CurrentTransaction is null)
        {
            schedule.Signal(tenantScope.Required.Name);
        }
        else
        {
            _signalOnCommit = true;
        }
    }

    private void AfterCommit()
    {
        if (_signalOnCommit)
        {
            _signalOnCommit = false;
            schedule.Signal(tenantScope.Required.Name);
        }
    }
}
