using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.Gateways.Stripe;
using OrchardPortal.Payments.Settings;

namespace OrchardPortal.Payments.Webhooks;

/// <summary>
/// Handles one delivery to a tenant's Stripe webhook endpoint: verify the signature with the tenant's signing
/// secret, skip events already handled (by event id), and for payment events re-fetch the PaymentIntent so the
/// attempt moves to Stripe's current status — which makes duplicates and out-of-order deliveries harmless.
/// </summary>
public sealed class StripeWebhookProcessor(
    TenantDbContext db,
    PaymentSettingsService settings,
    StripeClient stripe,
    PaymentAttemptService attempts,
    TimeProvider clock,
    ILogger<StripeWebhookProcessor> logger)
{
    public enum Outcome
    {
        Handled,
        Duplicate,
        Ignored,
        BadSignature,
        NotConfigured,
        Malformed,
    }

    public async Task<Outcome> HandleAsync(byte[] body, string? signatureHeader, CancellationToken cancellationToken)
    {
        var keys = settings.GetStripeKeys(await settings.GetAsync(cancellationToken));
        if (keys?.WebhookSecret is null)
        {
            return Outcome.NotConfigured;
        }

        if (StripeSignature.Verify(signatureHeader, body, keys.WebhookSecret, clock.GetUtcNow()) != StripeSignature.Outcome.Valid)
        {
            return Outcome.BadSignature;
        }

        string eventId, type;
        string? objectId, attemptId;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            eventId = StripeObjects.String(root, "id") ?? throw new JsonException("no id");
            type = StripeObjects.String(root, "type") ?? throw new JsonException("no type");
            var obj = root.TryGetProperty("data", out var data) && data.TryGetProperty("object", out var o) ? o : default;
            objectId = StripeObjects.String(obj, "id");
            attemptId = obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("metadata", out var metadata) ? StripeObjects.String(metadata, "attempt_id") : null;
        }
        catch (JsonException)
        {
            return Outcome.Malformed;
        }

        if (await db.Set<WebhookEvent>().AsNoTracking().AnyAsync(e => e.EventId == eventId, cancellationToken))
        {
            return Outcome.Duplicate;
        }

        var outcome = Outcome.Ignored;
        if (type.StartsWith("payment_intent.", StringComparison.Ordinal) && objectId is not null)
        {
            var attempt = await attempts.FindByGatewayPaymentAsync(objectId, cancellationToken)
                ?? (attemptId is null ? null : await attempts.FindAsync(attemptId, cancellationToken));
            if (attempt is not null)
            {
                // Never trust the event's copy: it may be older than one already applied.
                var current = await new StripeGateway(stripe, keys.SecretKey).GetPaymentAsync(objectId, cancellationToken);
                await attempts.ApplyAsync(attempt.Id, current, cancellationToken);
                outcome = Outcome.Handled;
            }
            else
            {
                logger.LogWarning("Stripe event {Event} ({Type}) is about {Object}, which no payment attempt knows.", eventId, type, objectId);
            }
        }

        // Marked handled only after the work succeeded: if it threw, Stripe's next delivery tries again.
        db.ChangeTracker.Clear();
        db.Add(new WebhookEvent { EventId = eventId, Type = type, ObjectId = objectId, ReceivedUtc = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // A concurrent delivery of the same event finished first; the work is idempotent, so nothing is doubled.
            db.ChangeTracker.Clear();
            return Outcome.Duplicate;
        }

        return outcome;
    }
}
