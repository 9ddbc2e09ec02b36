using System.Text.Json.Nodes;

namespace OrchardPortal.FakeStripe.State;

public sealed class PaymentMethodRecord
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required TestMethod Method { get; init; }

    public string Type => Method.Type;

    public string? CustomerId { get; set; }

    /// <summary>Detached, or used once without a customer: Stripe refuses to use it again.</summary>
    public bool Consumed { get; set; }

    /// <summary>For bank accounts: false until micro-deposits are verified.</summary>
    public bool Verified { get; set; } = true;

    public string? BillingName { get; set; }

    public string? BillingEmail { get; set; }

    public int ExpMonth { get; init; } = 12;

    public int ExpYear { get; init; }

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["object"] = "payment_method",
            ["allow_redisplay"] = "unspecified",
            ["billing_details"] = new JsonObject
            {
                ["address"] = new JsonObject
                {
                    ["city"] = null, ["country"] = null, ["line1"] = null, ["line2"] = null, ["postal_code"] = null, ["state"] = null,
                },
                ["email"] = BillingEmail,
                ["name"] = BillingName,
                ["phone"] = null,
            },
        };
        if (Type == "card")
        {
            json["card"] = CardDetails();
        }

        json["created"] = Created;
        json["customer"] = CustomerId;
        json["livemode"] = false;
        json["metadata"] = JsonShapes.Metadata(Metadata);
        json["type"] = Type;
        if (Type == "us_bank_account")
        {
            json["us_bank_account"] = BankDetails();
        }

        return json;
    }

    /// <summary>What a charge's <c>payment_method_details</c> shows for this method.</summary>
    public JsonObject ChargeDetails()
    {
        var json = new JsonObject { ["type"] = Type };
        json[Type] = Type == "card" ? CardDetails() : BankDetails();
        return json;
    }

    private JsonObject CardDetails() => new()
    {
        ["brand"] = Method.Brand,
        ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = "pass" },
        ["country"] = "US",
        ["display_brand"] = Method.Brand,
        ["exp_month"] = ExpMonth,
        ["exp_year"] = ExpYear,
        ["fingerprint"] = "fp" + Method.Brand + Method.Last4,
        ["funding"] = "credit",
        ["generated_from"] = null,
        ["last4"] = Method.Last4,
        ["networks"] = new JsonObject { ["available"] = new JsonArray(Method.Brand), ["preferred"] = null },
        ["three_d_secure_usage"] = new JsonObject { ["supported"] = true },
        ["wallet"] = null,
    };

    private JsonObject BankDetails() => new()
    {
        ["account_holder_type"] = "individual",
        ["account_type"] = "checking",
        ["bank_name"] = "STRIPE TEST BANK",
        ["financial_connections_account"] = null,
        ["fingerprint"] = "fpbank" + Method.Last4,
        ["last4"] = Method.Last4,
        ["networks"] = new JsonObject { ["preferred"] = "ach", ["supported"] = new JsonArray("ach") },
        ["routing_number"] = "110000000",
        ["status_details"] = new JsonObject(),
    };
}
