using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

public sealed class ChargeRecord
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string PaymentIntentId { get; init; }

    public required string PaymentMethodId { get; init; }

    public required JsonObject PaymentMethodDetails { get; init; }

    public string? CustomerId { get; init; }

    public string? Description { get; init; }

    /// <summary>succeeded, pending (ACH until it settles) or failed.</summary>
    public string Status { get; set; } = "succeeded";

    public long AmountRefunded { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public string? DeclineCode { get; set; }

    /// <summary>When a pending ACH debit settles on the fake clock.</summary>
    public DateTimeOffset? SettlesAt { get; set; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        var failed = Status == "failed";
        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "charge",
            ["amount"] = Amount,
            ["amount_captured"] = failed ? 0 : Amount,
            ["amount_refunded"] = AmountRefunded,
            ["balance_transaction"] = Status == "succeeded" ? "txn_" + Id[3..] : null,
            ["billing_details"] = new JsonObject { ["address"] = null, ["email"] = null, ["name"] = null, ["phone"] = null },
            ["captured"] = !failed,
            ["created"] = Created,
            ["currency"] = Currency,
            ["customer"] = CustomerId,
            ["description"] = Description,
            ["disputed"] = false,
            ["failure_code"] = FailureCode,
            ["failure_message"] = FailureMessage,
            ["livemode"] = false,
            ["metadata"] = JsonShapes.Metadata(Metadata),
            ["outcome"] = Outcome(),
            ["paid"] = Status == "succeeded",
            ["payment_intent"] = PaymentIntentId,
            ["payment_method"] = PaymentMethodId,
            ["payment_method_details"] = PaymentMethodDetails.DeepClone(),
            ["receipt_url"] = "https://pay.stripe.com/receipts/fake/" + Id,
            ["refunded"] = AmountRefunded > 0 && AmountRefunded == Amount,
            ["status"] = Status,
        };
    }

    private JsonObject Outcome()
    {
        if (Status != "failed")
        {
            return new JsonObject
            {
                ["network_status"] = "approved_by_network",
                ["reason"] = null,
                ["risk_level"] = "normal",
                ["seller_message"] = "Payment complete.",
                ["type"] = "authorized",
            };
        }

        return new JsonObject
        {
            ["network_status"] = "declined_by_network",
            ["reason"] = DeclineCode ?? FailureCode,
            ["risk_level"] = "normal",
            ["seller_message"] = "The bank did not return any further details with this decline.",
            ["type"] = "issuer_declined",
        };
    }
}
