namespace OrchardPortal.Payments.Autopay.Job;

/// <summary>
/// What one run's charges take turns for. <see cref="Writes"/>: SQLite admits one writer per file, and a writer
/// that finds it busy blocks a thread in the provider's sleep-and-retry loop, so there the run's own writes queue
/// here one at a time instead; PostgreSQL takes several at once. <see cref="Calls"/>: gateway requests in flight.
/// </summary>
public sealed class AutopayTurns(int maxCalls, int writers) : IDisposable
{
    public SemaphoreSlim Writes { get; } = new(Math.Max(1, writers), Math.Max(1, writers));

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
