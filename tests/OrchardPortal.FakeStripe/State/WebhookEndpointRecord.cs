using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

public sealed class WebhookEndpointRecord
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required string Secret { get; init; }

    public required string Url { get; set; }

    public List<string> EnabledEvents { get; set; } = ["*"];

    public string Status { get; set; } = "enabled";

    public string? ApiVersion { get; init; }

    public string? Description { get; set; }

    public bool Deleted { get; set; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public bool Wants(string eventType) =>
        !Deleted && Status == "enabled" && EnabledEvents.Any(e => e == "*" || string.Equals(e, eventType, StringComparison.Ordinal));

    /// <summary>Stripe shows the signing secret only in the response that created the endpoint.</summary>
    public JsonObject ToJson(bool withSecret)
    {
        if (Deleted)
        {
            return new JsonObject { ["id"] = Id, ["object"] = "webhook_endpoint", ["deleted"] = true };
        }

        var json = new JsonObject
        {
            ["id"] = Id,
            ["object"] = "webhook_endpoint",
            ["api_version"] = ApiVersion,
            ["application"] = null,
            ["created"] = Created,
            ["description"] = Description,
            ["enabled_events"] = JsonShapes.Strings(EnabledEvents),
            ["livemode"] = false,
            ["metadata"] = JsonShapes.Metadata(Metadata),
        };
        if (withSecret)
        {
            json["secret"] = Secret;
        }

        json["status"] = Status;
        json["url"] = Url;
        return json;
    }
}
