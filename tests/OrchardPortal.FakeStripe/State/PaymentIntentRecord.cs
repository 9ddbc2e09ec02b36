using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

public sealed class PaymentIntentRecord
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required long Amount { get; set; }

    public required string Currency { get; init; }

    public required string ClientSecret { get; init; }

    public string Status { get; set; } = "requires_payment_method";

    public string? CustomerId { get; set; }

    public string? PaymentMethodId { get; set; }

    public List<string> PaymentMethodTypes { get; set; } = ["card"];

    /// <summary>True when payment_method_types was not given (Stripe's default since 2023-08-16).</summary>
    public bool AutomaticPaymentMethods { get; set; }

    public string? Description { get; set; }

    public string? ReceiptEmail { get; set; }

    public string? SetupFutureUsage { get; set; }

    /// <summary>"microdeposits", "automatic" or "instant" from payment_method_options[us_bank_account].</summary>
    public string? VerificationMethod { get; set; }

    public long AmountReceived { get; set; }

    public string? LatestChargeId { get; set; }

    public JsonObject? LastPaymentError { get; set; }

    public JsonObject? NextAction { get; set; }

    public long? CanceledAt { get; set; }

    public string? CancellationReason { get; set; }

    public int MicrodepositAttemptsLeft { get; set; } = 3;

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        var bankOptions = VerificationMethod is null
            ? null
            : new JsonObject { ["us_bank_account"] = new JsonObject { ["verification_method"] = VerificationMethod } };
        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "payment_intent",
            ["amount"] = Amount,
            ["amount_capturable"] = 0,
            ["amount_received"] = AmountReceived,
            ["application"] = null,
            ["automatic_payment_methods"] = AutomaticPaymentMethods
                ? new JsonObject { ["allow_redirects"] = "always", ["enabled"] = true }
                : null,
            ["canceled_at"] = CanceledAt,
            ["cancellation_reason"] = CancellationReason,
            ["capture_method"] = "automatic",
            ["client_secret"] = ClientSecret,
            ["confirmation_method"] = "automatic",
            ["created"] = Created,
            ["currency"] = Currency,
            ["customer"] = CustomerId,
            ["description"] = Description,
            ["last_payment_error"] = LastPaymentError?.DeepClone(),
            ["latest_charge"] = LatestChargeId,
            ["livemode"] = false,
            ["metadata"] = JsonShapes.Metadata(Metadata),
            ["next_action"] = NextAction?.DeepClone(),
            ["on_behalf_of"] = null,
            ["payment_method"] = PaymentMethodId,
            ["payment_method_options"] = bankOptions ?? new JsonObject(),
            ["payment_method_types"] = JsonShapes.Strings(PaymentMethodTypes),
            ["processing"] = null,
            ["receipt_email"] = ReceiptEmail,
            ["review"] = null,
            ["setup_future_usage"] = SetupFutureUsage,
            ["shipping"] = null,
            ["statement_descriptor"] = null,
            ["statement_descriptor_suffix"] = null,
            ["status"] = Status,
            ["transfer_data"] = null,
            ["transfer_group"] = null,
        };
    }
}
