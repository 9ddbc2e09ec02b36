namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// What one run's charges take turns for. <see cref="Writes"/>: SQLite admits one writer per file, and a writer
/// that finds it busy blocks a thread in the provider's sleep-and-retry loop, so the run's own writes queue here
/// instead (harmless on PostgreSQL, where they are short). <see cref="Calls"/>: gateway requests in flight.
/// </summary>
public sealed class AutopayTurns(int maxCalls) : IDisposable
{
    public SemaphoreSlim Writes { get; } = new(1, 1);

    public SemaphoreSlim Calls { get; } = new(Math.Max(1, maxCalls), Math.Max(1, maxCalls));

    /// <summary>Runs <paramref name="write"/> in the run's write turn; never cancelled while waiting, as outcomes must be recorded.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        await Writes.WaitAsync(CancellationToken.None);
        try
        {
            return await write();
        }
        finally
        {
            Writes.Release();
        }
    }

    public void Dispose()
    {
        Writes.Dispose();
        Calls.Dispose();
    }
}
