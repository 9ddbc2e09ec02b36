using OrchardPortal.Payments.Gateways.Stripe;

namespace OrchardPortal.Payments.Tests.Gateways;

public sealed class StripeFormEncoderTests
{
    [Fact]
    public void Nested_dictionaries_use_bracket_keys()
    {
        var pairs = StripeFormEncoder.Flatten(new Dictionary<string, object?>
        {
            ["amount"] = 2000L,
            ["metadata"] = new Dictionary<string, object?> { ["attempt_id"] = "pa_1", ["invoices"] = "INV-1,INV-2" },
            ["payment_method_options"] = new Dictionary<string, object?>
            {
                ["card"] = new Dictionary<string, object?> { ["request_three_d_secure"] = "any" },
            },
        });

        Assert.Equal(
            [new("amount", "2000"), new("metadata[attempt_id]", "pa_1"), new("metadata[invoices]", "INV-1,INV-2"), new("payment_method_options[card][request_three_d_secure]", "any")],
            pairs);
    }

    [Fact]
    public void Lists_are_indexed_and_booleans_are_lowercase_words()
    {
        var pairs = StripeFormEncoder.Flatten(new Dictionary<string, object?>
        {
            ["payment_method_types"] = new List<string> { "card", "us_bank_account" },
            ["amounts"] = new List<long> { 32, 45 },
            ["confirm"] = true,
            ["off_session"] = false,
        });

        Assert.Equal(
            [new("payment_method_types[0]", "card"), new("payment_method_types[1]", "us_bank_account"), new("amounts[0]", "32"), new("amounts[1]", "45"), new("confirm", "true"), new("off_session", "false")],
            pairs);
    }

    [Fact]
    public void Null_values_are_left_out_at_any_depth()
    {
        var encoded = StripeFormEncoder.Encode(new Dictionary<string, object?>
        {
            ["description"] = null,
            ["customer"] = "cus_1",
            ["metadata"] = new Dictionary<string, object?> { ["note"] = null },
        });

        Assert.Equal("customer=cus_1", encoded);
    }

    [Fact]
    public void Keys_and_values_are_percent_encoded()
    {
        var encoded = StripeFormEncoder.Encode(new Dictionary<string, object?>
        {
            ["description"] = "Lawn & hedge, 50% off",
            ["metadata"] = new Dictionary<string, object?> { ["note"] = "a=b" },
        });

        Assert.Equal("description=Lawn%20%26%20hedge%2C%2050%25%20off&metadata%5Bnote%5D=a%3Db", encoded);
    }

    [Fact]
    public void Unsupported_values_are_refused_instead_of_sent_as_type_names()
    {
        Assert.Throws<ArgumentException>(() => StripeFormEncoder.Encode(new Dictionary<string, object?> { ["when"] = DateTime.UnixEpoch }));
    }
}
