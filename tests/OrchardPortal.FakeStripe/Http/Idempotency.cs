using OrchardPortal.FakeStripe.State;

namespace OrchardPortal.FakeStripe.Http;

/// <summary>
/// Stripe's idempotency for POSTs, per account: the first request with a key runs and its
/// status and body are saved; a retry with the same endpoint and parameters gets those bytes
/// back (<c>Idempotent-Replayed: true</c>) without running again; different parameters or a
/// different endpoint is a 400 <c>idempotency_error</c>; a retry while the first is still
/// running is a 409 <c>idempotency_key_in_use</c>. Results are saved once the endpoint began
/// executing (500s included); parameter validation failures and conflicts are not, so those
/// can be retried. Keys expire after 24 hours on the fake clock.
/// </summary>
public static class Idempotency
{
    public const int MaxKeyLength = 255;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>What happened when a request presented its key.</summary>
    public enum Outcome
    {
        Run,
        Replay,
    }

    /// <summary>Claims the key (caller holds the account lock) or says to replay the saved entry; throws on misuse.</summary>
    public static (Outcome Outcome, IdempotencyEntry Entry) Claim(Account account, StripeClock clock, string key, string endpoint, string parameters, string requestId)
    {
        if (key.Length > MaxKeyLength)
        {
            throw new StripeException(400, "invalid_request_error", null,
                $"Invalid Idempotency-Key: it must be at most {MaxKeyLength} characters long.", saved: false);
        }

        account.IdempotencyKeyUses[key] = account.IdempotencyKeyUses.GetValueOrDefault(key) + 1;
        if (account.IdempotencyEntries.TryGetValue(key, out var entry) && entry.Created + Lifetime > clock.UtcNow)
        {
            if (!string.Equals(entry.Endpoint, endpoint, StringComparison.Ordinal))
            {
                throw new StripeException(400, "idempotency_error", null,
                    $"Keys for idempotent requests can only be used for the same endpoint they were first used for ('{entry.Endpoint}' vs '{endpoint}'). " +
                    $"Try using a key other than '{key}' if you meant to execute a different request.", saved: false);
            }

            if (!string.Equals(entry.Parameters, parameters, StringComparison.Ordinal))
            {
                throw new StripeException(400, "idempotency_error", null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with. " +
                    $"Try using a key other than '{key}' if you meant to execute a different request.", saved: false);
            }

            if (entry.InFlight)
            {
                throw new StripeException(409, "idempotency_error", "idempotency_key_in_use",
                    "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, " +
                    $"and the other request is still going through): {key}. Please try again later.", saved: false);
            }

            return (Outcome.Replay, entry);
        }

        entry = new IdempotencyEntry { Endpoint = endpoint, Parameters = parameters, Created = clock.UtcNow, RequestId = requestId };
        account.IdempotencyEntries[key] = entry;
        return (Outcome.Run, entry);
    }

    /// <summary>Saves the result, or forgets the key when the request never began executing.</summary>
    public static void Complete(Account account, string key, IdempotencyEntry entry, int status, byte[] body, bool saved)
    {
        if (!saved)
        {
            if (account.IdempotencyEntries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
            {
                account.IdempotencyEntries.Remove(key);
            }

            return;
        }

        entry.Status = status;
        entry.Body = body;
        entry.InFlight = false;
    }
}
