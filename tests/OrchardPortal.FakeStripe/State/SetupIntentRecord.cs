using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

public sealed class SetupIntentRecord
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required string ClientSecret { get; init; }

    public string Status { get; set; } = "requires_payment_method";

    public string? CustomerId { get; set; }

    public string? PaymentMethodId { get; set; }

    public List<string> PaymentMethodTypes { get; set; } = ["card"];

    public string Usage { get; set; } = "off_session";

    public string? Description { get; set; }

    public string? VerificationMethod { get; set; }

    public string? LatestAttempt { get; set; }

    public string? Mandate { get; set; }

    public JsonObject? LastSetupError { get; set; }

    public JsonObject? NextAction { get; set; }

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
            ["object"] = "setup_intent",
            ["application"] = null,
            ["automatic_payment_methods"] = null,
            ["cancellation_reason"] = CancellationReason,
            ["client_secret"] = ClientSecret,
            ["created"] = Created,
            ["customer"] = CustomerId,
            ["description"] = Description,
            ["flow_directions"] = null,
            ["last_setup_error"] = LastSetupError?.DeepClone(),
            ["latest_attempt"] = LatestAttempt,
            ["livemode"] = false,
            ["mandate"] = Mandate,
            ["metadata"] = JsonShapes.Metadata(Metadata),
            ["next_action"] = NextAction?.DeepClone(),
            ["on_behalf_of"] = null,
            ["payment_method"] = PaymentMethodId,
            ["payment_method_options"] = bankOptions ?? new JsonObject(),
            ["payment_method_types"] = JsonShapes.Strings(PaymentMethodTypes),
            ["single_use_mandate"] = null,
            ["status"] = Status,
            ["usage"] = Usage,
        };
    }
}
