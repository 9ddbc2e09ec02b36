namespace OrchardPortal.FakeStripe.Webhooks;

/// <summary>The delivery loop: applies the switches to each queued delivery, sends, retries.</summary>
public sealed partial class WebhookDispatcher
{
    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                if (reader.TryRead(out var delivery))
                {
                    await ProcessAsync(Route(delivery));
                    continue;
                }

                bool windowOpen;
                lock (_gate)
                {
                    windowOpen = _window.Count > 0;
                }

                if (!windowOpen)
                {
                    await reader.WaitToReadAsync(_stopping);
                    continue;
                }

                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
                quiet.CancelAfter(ReorderFlushAfter);
                try
                {
                    await reader.WaitToReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    await ProcessAsync(TakeWindow());
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The server is shutting down; undelivered events are abandoned as in any crash.
        }
    }

    /// <summary>Decides what a new delivery turns into under the current switches.</summary>
    private List<WebhookDelivery> Route(WebhookDelivery delivery)
    {
        lock (_gate)
        {
            if (Drop || Hold)
            {
                if (Hold && !Drop)
                {
                    _held.Add(delivery);
                }

                Interlocked.Decrement(ref _pending);
                return [];
            }

            if (ReorderWindow <= 1)
            {
                return [delivery];
            }

            _window.Add(delivery);
            return _window.Count >= ReorderWindow ? TakeWindowLocked() : [];
        }
    }

    private List<WebhookDelivery> TakeWindow()
    {
        lock (_gate)
        {
            return TakeWindowLocked();
        }
    }

    private List<WebhookDelivery> TakeWindowLocked()
    {
        var batch = _window.ToList();
        _window.Clear();
        if (ReorderMode == ReorderMode.Reverse)
        {
            batch.Reverse();
        }
        else
        {
            var items = batch.ToArray();
            _shuffle.Shuffle(items);
            batch = items.ToList();
        }

        return batch;
    }

    /// <summary>
    /// Starts each delivery once a slot is free. A slot is held only for the first attempt, so
    /// with one slot deliveries leave in order while retries wait in the background.
    /// </summary>
    private async Task ProcessAsync(List<WebhookDelivery> batch)
    {
        foreach (var delivery in batch)
        {
            var copies = Math.Max(1, Copies);
            Interlocked.Add(ref _pending, copies - 1);
            for (var i = 0; i < copies; i++)
            {
                var slots = _slots;
                await slots.WaitAsync(_stopping);
                _ = SendWithRetriesAsync(delivery, slots);
            }
        }
    }

    private async Task SendWithRetriesAsync(WebhookDelivery delivery, SemaphoreSlim slots)
    {
        var slotHeld = true;
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, _stopping);
            }

            var attempt = await _sender.SendAsync(delivery, 1, _stopping);
            Record(attempt);
            slots.Release();
            slotHeld = false;
            for (var retry = 0; !attempt.Succeeded && retry < _retryDelays.Count; retry++)
            {
                await Task.Delay(_retryDelays[retry], _stopping);
                attempt = await _sender.SendAsync(delivery, retry + 2, _stopping);
                Record(attempt);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (slotHeld)
            {
                slots.Release();
            }

            Interlocked.Decrement(ref _pending);
        }
    }

    private void Record(WebhookAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }
}
