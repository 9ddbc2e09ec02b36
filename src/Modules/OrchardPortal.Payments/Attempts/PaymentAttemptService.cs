using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Gateways;

namespace OrchardPortal.Payments.Attempts;

/// <summary>
/// Creates payment attempts (one per idempotency key, however many requests race for it) and moves them
/// forward with what the gateway says. Every path that learns about a payment — the customer's own request,
/// each webhook delivery, a reconciliation — goes through <see cref="ApplyAsync"/>, which never moves an
/// attempt backwards and hands a succeeded payment to <see cref="IPaymentRecorder"/> (idempotent on the gateway payment id) until it is recorded.
/// </summary>
public sealed partial class PaymentAttemptService(TenantDbContext db, IPaymentRecorder recorder, TimeProvider clock, ILogger<PaymentAttemptService> logger)
{
    private const int MaxConflictRetries = 50;

    /// <summary>
    /// The attempt for <see cref="NewPaymentAttempt.IdempotencyKey"/>: created now, or the one a concurrent or
    /// earlier request created (<c>Created</c> false). A key reused for a different amount or customer is refused (null).
    /// </summary>
    public async Task<(PaymentAttempt? Attempt, bool Created)> StartAsync(NewPaymentAttempt request, CancellationToken cancellationToken)
    {
        var existing = await FindByKeyAsync(request.IdempotencyKey, cancellationToken);
        if (existing is null)
        {
            var attempt = New(request, clock.GetUtcNow());
            db.Add(attempt);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (attempt, true);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another request with the same key won the insert: continue with its attempt.
                db.Entry(attempt).State = EntityState.Detached;
                existing = await FindByKeyAsync(request.IdempotencyKey, cancellationToken);
            }
        }

        return existing is not null && existing.CustomerId == request.CustomerId && existing.Amount == request.Amount && existing.Currency == request.Currency
            ? (existing, false)
            : (null, false);
    }

    /// <summary>A new attempt for <paramref name="request"/>, not yet added to the context.</summary>
    public static PaymentAttempt New(NewPaymentAttempt request, DateTimeOffset now) => new()
    {
        Id = "pa_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
        IdempotencyKey = request.IdempotencyKey,
        CustomerId = request.CustomerId,
        Gateway = request.Gateway,
        MethodKind = request.MethodKind,
        Amount = request.Amount,
        Currency = request.Currency,
        AllocationsJson = System.Text.Json.JsonSerializer.Serialize(request.Allocations),
        OffSession = request.OffSession,
        Status = PaymentStatus.Pending,
        CreatedUtc = now,
        UpdatedUtc = now,
    };

    public Task<PaymentAttempt?> FindAsync(string attemptId, CancellationToken cancellationToken) =>
        db.Set<PaymentAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, cancellationToken);

    public Task<PaymentAttempt?> FindByGatewayPaymentAsync(string gatewayPaymentId, CancellationToken cancellationToken) =>
        db.Set<PaymentAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.GatewayPaymentId == gatewayPaymentId, cancellationToken);

    /// <summary>
    /// Applies a gateway answer to the attempt. Returns the attempt as it now stands (which may be further
    /// along than <paramref name="result"/> when a later answer arrived first).
    /// </summary>
    public async Task<PaymentAttempt> ApplyAsync(string attemptId, PaymentResult result, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            db.ChangeTracker.Clear();
            var attempt = await db.Set<PaymentAttempt>().FirstAsync(a => a.Id == attemptId, cancellationToken);
            if (Move(attempt, result, clock.GetUtcNow()))
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (retry < MaxConflictRetries)
                {
                    // Someone else (a webhook, the customer's request) moved it meanwhile: re-read and decide again.
                    continue;
                }
            }

            // Also when nothing changed here: whoever moved it to Succeeded may have died before recording.
            if (attempt.Status == PaymentStatus.Succeeded && attempt.RecordedUtc is null)
            {
                await RecordAsync(attempt, cancellationToken);
            }

            return attempt;
        }
    }

    /// <summary>
    /// Records a succeeded attempt's money through <see cref="IPaymentRecorder"/>, whose own idempotency key (the
    /// gateway payment id) makes a second call harmless; then marks the attempt recorded.
    /// </summary>
    private async Task RecordAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        await recorder.RecordAsync(attempt, cancellationToken);
        var recordedAt = clock.GetUtcNow();
        var rows = await db.Set<PaymentAttempt>().Where(a => a.Id == attempt.Id && a.RecordedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RecordedUtc, recordedAt), cancellationToken);
        attempt.RecordedUtc ??= recordedAt;
        logger.LogInformation("Payment attempt {Attempt} ({GatewayPayment}) recorded ({Rows} row).", attempt.Id, attempt.GatewayPaymentId, rows);
    }

    public Task<PaymentAttempt?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Set<PaymentAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.IdempotencyKey == key, cancellationToken);

    /// <summary>Moves a (tracked) attempt forward with the gateway's answer, never backwards; true when anything changed.</summary>
    private static bool Move(PaymentAttempt attempt, PaymentResult result, DateTimeOffset now)
    {
        var changed = false;
        if (attempt.GatewayPaymentId is null && result.PaymentId is not null)
        {
            attempt.GatewayPaymentId = result.PaymentId;
            changed = true;
        }

        if (PaymentStatusOrder.CanMove(attempt.Status, result.Status))
        {
            attempt.Status = result.Status;
            (attempt.FailureCode, attempt.FailureMessage) = result is PaymentFailed failed ? (failed.ReasonCode, failed.CustomerMessage) : (null, null);
            attempt.MethodDescription = Describe(result) ?? attempt.MethodDescription;
            changed = true;
        }

        if (changed)
        {
            attempt.UpdatedUtc = now;
            attempt.Version++;
        }

        return changed;
    }

    private static string? Describe(PaymentResult result)
    {
        var method = result switch
        {
            PaymentSucceeded s => s.Method,
            PaymentProcessing p => p.Method,
            _ => null,
        };
        return method is null ? null : PaymentMethodLabels.Of(method);
    }
}

/// <summary>What a new attempt is for. The amount and its split over invoices are computed by the server.</summary>
public sealed record NewPaymentAttempt(string IdempotencyKey, long CustomerId, GatewayKind Gateway, PaymentMethodKind MethodKind, long Amount, string Currency, IReadOnlyList<AttemptAllocation> Allocations, bool OffSession = false);

/// <summary>How much of a payment goes to one invoice (the parts add up to at most the payment).</summary>
public sealed record AttemptAllocation(long InvoiceId, long Amount);

/// <summary>
/// Records a succeeded payment in the customer's ledger (implemented over Billing). Must be idempotent on
/// the attempt's gateway payment id: it may be called more than once for the same money.
/// </summary>
public interface IPaymentRecorder
{
    Task RecordAsync(PaymentAttempt attempt, CancellationToken cancellationToken);

    /// <summary>
    /// Records many succeeded attempts at once inside the caller's transaction; false (nothing written) when they
    /// cannot all be recorded as new, and the caller goes one by one with <see cref="RecordAsync"/>.
    /// </summary>
    Task<bool> TryRecordManyAsync(IReadOnlyList<PaymentAttempt> attempts, CancellationToken cancellationToken);
}
