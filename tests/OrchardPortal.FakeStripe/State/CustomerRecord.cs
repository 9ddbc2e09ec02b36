using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

public sealed class CustomerRecord
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Description { get; set; }

    public string? DefaultPaymentMethod { get; set; }

    public bool Deleted { get; set; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        if (Deleted)
        {
            return new JsonObject { ["id"] = Id, ["object"] = "customer", ["deleted"] = true };
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "customer",
            ["address"] = null,
            ["balance"] = 0,
            ["created"] = Created,
            ["currency"] = null,
            ["default_source"] = null,
            ["delinquent"] = false,
            ["description"] = Description,
            ["email"] = Email,
            ["invoice_prefix"] = Id[4..12].ToUpperInvariant(),
            ["invoice_settings"] = new JsonObject
            {
                ["custom_fields"] = null,
                ["default_payment_method"] = DefaultPaymentMethod,
                ["footer"] = null,
                ["rendering_options"] = null,
            },
            ["livemode"] = false,
            ["metadata"] = JsonShapes.Metadata(Metadata),
            ["name"] = Name,
            ["phone"] = Phone,
            ["preferred_locales"] = new JsonArray(),
            ["shipping"] = null,
            ["tax_exempt"] = "none",
            ["test_clock"] = null,
        };
    }
}
