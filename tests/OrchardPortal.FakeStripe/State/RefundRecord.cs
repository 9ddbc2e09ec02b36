using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

public sealed class RefundRecord
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string ChargeId { get; init; }

    public required string PaymentIntentId { get; init; }

    public string? Reason { get; init; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "refund",
        ["amount"] = Amount,
        ["balance_transaction"] = "txn_" + Id[3..],
        ["charge"] = ChargeId,
        ["created"] = Created,
        ["currency"] = Currency,
        ["metadata"] = JsonShapes.Metadata(Metadata),
        ["payment_intent"] = PaymentIntentId,
        ["reason"] = Reason,
        ["receipt_number"] = null,
        ["source_transfer_reversal"] = null,
        ["status"] = "succeeded",
        ["transfer_reversal"] = null,
    };
}
